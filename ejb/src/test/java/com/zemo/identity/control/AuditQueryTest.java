package com.zemo.identity.control;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditQueryTest {

    @Test
    void blanksMeanNoFilter() {
        AuditQuery q = new AuditQuery(" ", "", null, null);
        assertThat(q.action()).isNull();
        assertThat(q.actor()).isNull();
    }

    @Test
    void aTrailingStarIsAPrefix() {
        AuditQuery q = new AuditQuery("user.*", null, null, null);
        assertThat(q.actionIsPrefix()).isTrue();
        assertThat(q.actionPrefix()).isEqualTo("user.");
        assertThat(new AuditQuery("user.created", null, null, null).actionIsPrefix()).isFalse();
    }

    @Test
    void fromMustBeBeforeTo() {
        OffsetDateTime t = OffsetDateTime.parse("2026-11-28T10:00:00Z");
        assertThatThrownBy(() -> new AuditQuery(null, null, t, t)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new AuditQuery(null, null, t, t.plusDays(1)).from()).isEqualTo(t);
    }
}
