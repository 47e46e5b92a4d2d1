package com.zemo.platform.boundary;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

public class IsoTimestampsTest {

    public record Stamped(long id, OffsetDateTime at, OffsetDateTime none) {
    }

    @Test
    void writesWhatTheIsoFormatterWrites() {
        List<OffsetDateTime> edges = List.of(
                OffsetDateTime.of(2026, 11, 29, 3, 51, 16, 181_000_000, ZoneOffset.UTC),
                OffsetDateTime.of(2026, 1, 2, 0, 0, 0, 0, ZoneOffset.UTC),
                OffsetDateTime.of(2026, 1, 2, 0, 0, 0, 1, ZoneOffset.ofHours(3)),
                OffsetDateTime.of(1, 1, 1, 23, 59, 59, 999_999_999, ZoneOffset.ofHoursMinutes(-9, -30)),
                OffsetDateTime.of(9999, 12, 31, 12, 0, 5, 120_000, ZoneOffset.ofHoursMinutesSeconds(5, 45, 10)),
                OffsetDateTime.of(10000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                OffsetDateTime.of(-5, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        for (OffsetDateTime t : edges) {
            assertEquals(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t), IsoTimestamps.format(t));
        }
        SplittableRandom r = new SplittableRandom(42);
        for (int i = 0; i < 100_000; i++) {
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> r.nextInt(1000) * 1_000_000;
                case 2 -> r.nextInt(1_000_000) * 1000;
                default -> r.nextInt(1_000_000_000);
            };
            OffsetDateTime t = OffsetDateTime.of(r.nextInt(10000), 1 + r.nextInt(12), 1 + r.nextInt(28), r.nextInt(24), r.nextInt(60),
                    r.nextInt(60), nano, ZoneOffset.ofTotalSeconds(i % 3 == 0 ? 0 : r.nextInt(-18 * 3600, 18 * 3600 + 1)));
            assertEquals(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t), IsoTimestamps.format(t), t::toString);
        }
    }

    @Test
    void theApiJsonIsTheSameAsJsonBsOwn() throws Exception {
        Stamped s = new Stamped(1, OffsetDateTime.of(2026, 11, 29, 3, 51, 16, 181_500_000, ZoneOffset.UTC), null);
        try (Jsonb plain = JsonbBuilder.create()) {
            String expected = plain.toJson(s).replace(",\"none\":null", "");
            assertEquals(expected, JsonbConfiguration.JSONB.toJson(s));
            assertEquals("{\"at\":\"2026-11-29T03:51:16.1815Z\",\"id\":1}", expected);
        }
    }
}
