package com.zemo.platform.boundary;

import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Writes an {@code OffsetDateTime} exactly as JSON-B's default does ({@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}:
 * seconds always, the fraction without trailing zeros, "Z" for UTC), with plain arithmetic instead of the formatter's
 * chain of printers: a page of 20 jobs has up to 60 timestamps, and formatting them was 6 % of the node's CPU for a
 * list request (docs/benchmarks.md, issue 3). Years outside 0–9999 go through the formatter.
 */
public final class IsoTimestamps implements JsonbSerializer<OffsetDateTime> {

    @Override
    public void serialize(OffsetDateTime t, JsonGenerator out, SerializationContext ctx) {
        out.write(format(t));
    }

    public static String format(OffsetDateTime t) {
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
        }
        StringBuilder b = new StringBuilder(32);
        digits(b, year, 4);
        b.append('-');
        digits(b, t.getMonthValue(), 2);
        b.append('-');
        digits(b, t.getDayOfMonth(), 2);
        b.append('T');
        digits(b, t.getHour(), 2);
        b.append(':');
        digits(b, t.getMinute(), 2);
        b.append(':');
        digits(b, t.getSecond(), 2);
        int nano = t.getNano();
        if (nano != 0) {
            int width = 9;
            while (nano % 10 == 0) {
                nano /= 10;
                width--;
            }
            b.append('.');
            digits(b, nano, width);
        }
        int offset = t.getOffset().getTotalSeconds();
        if (offset == 0) {
            return b.append('Z').toString();
        }
        int abs = Math.abs(offset);
        b.append(offset < 0 ? '-' : '+');
        digits(b, abs / 3600, 2);
        b.append(':');
        digits(b, abs / 60 % 60, 2);
        if (abs % 60 != 0) {
            b.append(':');
            digits(b, abs % 60, 2);
        }
        return b.toString();
    }

    /** {@code v} (≥ 0) left-padded with zeros to {@code width} digits. */
    private static void digits(StringBuilder b, int v, int width) {
        int start = b.length();
        for (int i = 0; i < width; i++) {
            b.append('0');
        }
        for (int i = start + width - 1; i >= start && v > 0; i--) {
            b.setCharAt(i, (char) ('0' + v % 10));
            v /= 10;
        }
    }
}
