package com.zemo.identity.boundary;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditDatesTest {

    @Test
    void aDayStartsAtMidnightUtcAndAsAnEndIncludesTheWholeDay() {
        assertThat(AuditDates.start("2026-11-28", "from")).isEqualTo(OffsetDateTime.parse("2026-11-28T00:00:00Z"));
        assertThat(AuditDates.end("2026-11-28", "to")).isEqualTo(OffsetDateTime.parse("2026-11-29T00:00:00Z"));
    }

    @Test
    void aDateTimeIsTakenAsItIs() {
        assertThat(AuditDates.end("2026-11-28T10:15:00+03:00", "to")).isEqualTo(OffsetDateTime.parse("2026-11-28T10:15:00+03:00"));
    }

    @Test
    void blankIsNoFilterAndNonsenseIsRefusedWithTheParameterName() {
        assertThat(AuditDates.start(" ", "from")).isNull();
        assertThat(AuditDates.start(null, "from")).isNull();
        assertThatThrownBy(() -> AuditDates.start("yesterday", "from")).hasMessageContaining("'from'");
        assertThatThrownBy(() -> AuditDates.end("2026-13-01", "to")).hasMessageContaining("'to'");
    }
}
