package com.zemo.jobs.boundary;

import com.zemo.platform.ZemoException;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The jobs list's creation-date filter as people give it: a day (from its start; "to" a day includes the whole day)
 * or an exact date-time with offset. The bounds are half-open, [start, end), as the jobs query applies them.
 */
final class CreatedRange {
    private CreatedRange() {
    }

    /** The first instant of the range: a day's start (UTC) or the date-time itself. */
    static OffsetDateTime start(String name, String value) {
        return parse(name, value, false);
    }

    /** The first instant after the range: the day after the given day (UTC) or the date-time itself. */
    static OffsetDateTime end(String name, String value) {
        return parse(name, value, true);
    }

    static OffsetDateTime startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    static OffsetDateTime endOf(LocalDate day) {
        return day == null ? null : day.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    private static OffsetDateTime parse(String name, String value, boolean end) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return end ? endOf(day) : startOf(day);
            }
            return OffsetDateTime.parse(v);
        } catch (DateTimeParseException e) {
            throw ZemoException.invalid(name + " must be an ISO date (2026-11-01) or date-time with offset (2026-11-01T00:00:00Z)");
        }
    }
}
