package com.zemo.jobs.boundary;

import com.zemo.platform.ZemoException;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CreatedRangeTest {
    @Test
    void aDayIsWholeAtBothEnds() {
        assertThat(CreatedRange.start("createdFrom", "2026-11-01")).isEqualTo(OffsetDateTime.parse("2026-11-01T00:00:00Z"));
        assertThat(CreatedRange.end("createdTo", "2026-11-30")).isEqualTo(OffsetDateTime.parse("2026-12-01T00:00:00Z"));
    }

    @Test
    void aDateTimeIsTakenAsIs() {
        assertThat(CreatedRange.start("createdFrom", "2026-11-01T10:15:00+03:00")).isEqualTo(OffsetDateTime.parse("2026-11-01T10:15:00+03:00"));
        assertThat(CreatedRange.end("createdTo", " 2026-11-01T10:15:00Z ")).isEqualTo(OffsetDateTime.parse("2026-11-01T10:15:00Z"));
    }

    @Test
    void blankIsNoBound() {
        assertThat(CreatedRange.start("createdFrom", null)).isNull();
        assertThat(CreatedRange.end("createdTo", "  ")).isNull();
        assertThat(CreatedRange.startOf(null)).isNull();
    }

    @Test
    void nonsenseIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> CreatedRange.start("createdFrom", "yesterday")).isInstanceOf(ZemoException.class).hasMessageContaining("createdFrom");
        assertThatThrownBy(() -> CreatedRange.end("createdTo", "2026-13-01")).isInstanceOf(ZemoException.class);
        assertThatThrownBy(() -> CreatedRange.end("createdTo", "2026-11-01T10:15:00")).isInstanceOf(ZemoException.class);
    }
}
