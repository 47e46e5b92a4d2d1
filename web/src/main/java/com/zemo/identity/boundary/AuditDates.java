package com.zemo.identity.boundary;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** The audit filter's dates: a day (UTC; as an end, the whole day counts) or an exact date-time with offset. */
final class AuditDates {
    private AuditDates() {
    }

    static OffsetDateTime start(String text, String name) {
        return parse(text, name, false);
    }

    static OffsetDateTime end(String text, String name) {
        return parse(text, name, true);
    }

    static OffsetDateTime start(LocalDate day) {
        return day == null ? null : day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    static OffsetDateTime end(LocalDate day) {
        return day == null ? null : day.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    private static OffsetDateTime parse(String text, String name, boolean end) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            if (t.length() == 10) {
                LocalDate d = LocalDate.parse(t);
                return end ? end(d) : start(d);
            }
            return OffsetDateTime.parse(t);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + name + "' must be a date (2026-11-28) or a date-time with offset (2026-11-28T10:00:00Z)");
        }
    }
}
