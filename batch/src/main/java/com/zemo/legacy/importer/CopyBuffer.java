package com.zemo.legacy.importer;

import com.zemo.legacy.mapping.AsciiDecimal;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * The bytes of a {@code COPY ... FROM STDIN} (text format) written directly as UTF-8: no UTF-16 builder (one
 * Cyrillic character would double it, hex-encoded HTML included), no copy into a String and no second encoding
 * pass. Escapes as the text format wants: backslash, tab, newline, carriage return; bytea as {@code \\x} hex.
 */
final class CopyBuffer {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    /** Escape letter of each ASCII character the text format escapes (backslash, tab, newline, CR), else 0. */
    private static final byte[] ESCAPE = new byte[128];

    static {
        ESCAPE['\\'] = '\\';
        ESCAPE['\t'] = 't';
        ESCAPE['\n'] = 'n';
        ESCAPE['\r'] = 'r';
    }

    private byte[] buf;
    private int len;
    /** Scratch for {@link #escaped}: the characters of the value being written. */
    private char[] chars = new char[256];

    CopyBuffer(int initial) {
        buf = new byte[initial];
    }

    int length() {
        return len;
    }

    void clear() {
        len = 0;
        if (buf.length > (8 << 20)) {
            buf = new byte[1 << 16]; // do not keep one huge chunk's buffer for the rest of the run
        }
    }

    InputStream stream() {
        return new ByteArrayInputStream(buf, 0, len);
    }

    void ascii(char c) {
        ensure(1);
        buf[len++] = (byte) c;
    }

    /** A number, as {@code Long.toString} writes it, without building that String. */
    void decimal(long v) {
        ensure(AsciiDecimal.MAX_LENGTH);
        len = AsciiDecimal.write(v, buf, len);
    }

    /**
     * An instant in UTC as ISO 8601 ({@code 2024-10-02T09:15:30.123456789Z}; the fraction only when there is one),
     * which timestamptz reads as the same instant, written without the OffsetDateTime and String that
     * {@code toString} builds (one to three per row). Years outside 1–9999 go through {@code toString}.
     */
    void timestamp(Instant t) {
        long seconds = t.getEpochSecond();
        long days = Math.floorDiv(seconds, 86_400);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        // civil date from days since 1970-01-01 (proleptic Gregorian, as java.time)
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        if (year < 1 || year > 9999) {
            ascii(OffsetDateTime.ofInstant(t, ZoneOffset.UTC).toString());
            return;
        }
        ensure(30);
        digits((int) year, 4);
        buf[len++] = '-';
        digits(month, 2);
        buf[len++] = '-';
        digits(day, 2);
        buf[len++] = 'T';
        digits(secondOfDay / 3600, 2);
        buf[len++] = ':';
        digits(secondOfDay / 60 % 60, 2);
        buf[len++] = ':';
        digits(secondOfDay % 60, 2);
        if (t.getNano() != 0) {
            buf[len++] = '.';
            digits(t.getNano(), 9);
        }
        buf[len++] = 'Z';
    }

    /** {@code v} in exactly {@code width} digits, zero-padded (room ensured by the caller). */
    private void digits(int v, int width) {
        for (int i = width - 1; i >= 0; i--) {
            buf[len + i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        len += width;
    }

    /** Text of only ASCII characters that need no escaping (numbers, timestamps, \N). */
    void ascii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            buf[len++] = (byte) s.charAt(i);
        }
    }

    /**
     * A text value: UTF-8 (unpaired surrogates as '?', as {@link String#getBytes} does), COPY escapes applied.
     * The characters are copied out in bulk first: {@code charAt} checks its index on every call, which C1
     * does not hoist (it was the largest single cost of writing the rows); encoding through
     * {@code getBytes} first measured no faster, having its own pass and copy.
     */
    void escaped(String s) {
        int n = s.length();
        ensure(n * 3 + 4);
        if (chars.length < n) {
            chars = new char[Math.max(n, chars.length * 2)];
        }
        char[] cs = chars;
        s.getChars(0, n, cs, 0);
        byte[] b = buf;
        int l = len;
        for (int i = 0; i < n; i++) {
            char c = cs[i];
            if (c < 0x80) {
                byte e = ESCAPE[c];
                if (e == 0) {
                    b[l++] = (byte) c;
                } else {
                    b[l++] = '\\';
                    b[l++] = e;
                }
            } else {
                l = com.zemo.legacy.mapping.Utf8Scratch.putNonAscii(cs, i, n, b, l);
                if (com.zemo.legacy.mapping.Utf8Scratch.pairAt(cs, i, n)) {
                    i++;
                }
            }
        }
        len = l;
    }

    /** A bytea value in hex form; the backslash of {@code \x} is itself escaped for the text format. */
    void hex(byte[] bytes) {
        ensure(3 + bytes.length * 2);
        buf[len++] = '\\';
        buf[len++] = '\\';
        buf[len++] = 'x';
        for (byte b : bytes) {
            buf[len++] = HEX[(b >> 4) & 0xf];
            buf[len++] = HEX[b & 0xf];
        }
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }
}
