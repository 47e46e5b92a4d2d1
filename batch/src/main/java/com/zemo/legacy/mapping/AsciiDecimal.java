package com.zemo.legacy.mapping;

import java.nio.charset.StandardCharsets;

/**
 * A long's decimal digits, as {@code Long.toString} writes them, straight into a byte array: the row digest and
 * the COPY encoder take numbers this way instead of building a String per value.
 */
public final class AsciiDecimal {
    /** Room a long needs: 19 digits and a sign. */
    public static final int MAX_LENGTH = 20;
    private static final byte[] MIN = Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);

    private AsciiDecimal() {
    }

    /** Writes {@code v} at {@code b[at]} (room for {@link #MAX_LENGTH} bytes assured by the caller); returns the end. */
    public static int write(long v, byte[] b, int at) {
        if (v == Long.MIN_VALUE) {
            System.arraycopy(MIN, 0, b, at, MIN.length);
            return at + MIN.length;
        }
        if (v < 0) {
            b[at++] = '-';
            v = -v;
        }
        int digits = 1;
        for (long rest = v / 10; rest != 0; rest /= 10) {
            digits++;
        }
        int end = at + digits;
        int i = end;
        do {
            b[--i] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v != 0);
        return end;
    }
}
