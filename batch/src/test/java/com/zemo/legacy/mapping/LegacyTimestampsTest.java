package com.zemo.legacy.mapping;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LegacyTimestampsTest {
    private static final Instant T = Instant.parse("2021-09-01T18:42:05Z");

    @Test
    void utcTextIsUtc() {
        assertThat(LegacyTimestamps.parse("2021-09-01 18:42:05").value()).isEqualTo(T);
        assertThat(LegacyTimestamps.parse("2021-09-01T18:42:05").value()).isEqualTo(T);
        assertThat(LegacyTimestamps.parse(" 2021-09-01 18:42:05.250 ").value()).isEqualTo(T.plusMillis(250));
        assertThat(LegacyTimestamps.parse("2021-09-01 18:42").value()).isEqualTo(T.minusSeconds(5));
        assertThat(LegacyTimestamps.parse("2024-02-29 23:59:59").value()).isEqualTo(Instant.parse("2024-02-29T23:59:59Z"));
        assertThat(LegacyTimestamps.parse("1970-01-01 00:00:00").value()).isEqualTo(Instant.EPOCH);
    }

    @Test
    void isoWithOffsetKeepsItsOffset() {
        assertThat(LegacyTimestamps.parse("2021-09-01T21:42:05+03:00").value()).isEqualTo(T);
        assertThat(LegacyTimestamps.parse("2021-09-01T18:42:05Z").value()).isEqualTo(T);
        assertThat(LegacyTimestamps.parse("2021-09-01 21:42:05+03:00").value()).isEqualTo(T);
    }

    @Test
    void unixSecondsAsIntegerOrDigitsAndMillis() {
        long s = T.getEpochSecond();
        assertThat(LegacyTimestamps.parse(s).value()).isEqualTo(T);
        assertThat(LegacyTimestamps.parse((int) s).value()).isEqualTo(T);
        assertThat(LegacyTimestamps.parse(String.valueOf(s)).value()).isEqualTo(T);
        assertThat(LegacyTimestamps.parse(s * 1000).value()).isEqualTo(T);
        assertThat(LegacyTimestamps.parse((double) s + 0.5).value()).isEqualTo(T.plusMillis(500));
    }

    @Test
    void russianDateIsMoscowWallClock() {
        assertThat(LegacyTimestamps.parse("01.09.2021 21:42").value()).isEqualTo(T.minusSeconds(5));
        assertThat(LegacyTimestamps.parse("01.09.2021 21:42:05").value()).isEqualTo(T);
        // Moscow was UTC+4 from 2011 to 2014: the zone's history applies, not a fixed +3.
        assertThat(LegacyTimestamps.parse("01.07.2012 12:00").value()).isEqualTo(Instant.parse("2012-07-01T08:00:00Z"));
    }

    @Test
    void emptyAndNullAreNoValueButRequiredColumnsGetTheFlaggedEpoch() {
        assertThat(LegacyTimestamps.parse(null)).isEqualTo(Converted.clean(null));
        assertThat(LegacyTimestamps.parse("")).isEqualTo(Converted.clean(null));
        assertThat(LegacyTimestamps.parse("   ")).isEqualTo(Converted.clean(null));
        Converted<Instant> required = LegacyTimestamps.parseRequired("");
        assertThat(required.value()).isEqualTo(Instant.EPOCH);
        assertThat(required.problem()).contains("missing");
    }

    @Test
    void garbageIsFlagged() {
        Converted<Instant> c = LegacyTimestamps.parse("вчера");
        assertThat(c.value()).isNull();
        assertThat(c.problem()).isEqualTo("unreadable timestamp");
        assertThat(LegacyTimestamps.parse("2021-02-30 10:00:00").isFlagged()).isTrue();
        assertThat(LegacyTimestamps.parseRequired("31.13.2020 10:00").value()).isEqualTo(Instant.EPOCH);
    }

    @Test
    void exportSpellingIsUtcTextAndEpochIsNull() {
        assertThat(LegacyTimestamps.toLegacy(T)).isEqualTo("2021-09-01 18:42:05");
        assertThat(LegacyTimestamps.toLegacy(Instant.EPOCH)).isNull();
        assertThat(LegacyTimestamps.toLegacy(null)).isNull();
    }
}
