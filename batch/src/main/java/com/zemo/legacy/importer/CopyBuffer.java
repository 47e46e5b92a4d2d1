package com.zemo.legacy.importer;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The bytes of a {@code COPY ... FROM STDIN} (text format) written directly as UTF-8: no UTF-16 builder (one
 * Cyrillic character would double it, hex-encoded HTML included), no copy into a String and no second encoding
 * pass. Escapes as the text format wants: backslash, tab, newline, carriage return; bytea as {@code \\x} hex.
 */
final class CopyBuffer {
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private byte[] buf;
    private int len;

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

    /** Text of only ASCII characters that need no escaping (numbers, timestamps, \N). */
    void ascii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            buf[len++] = (byte) s.charAt(i);
        }
    }

    /** A text value: UTF-8 (unpaired surrogates as '?', as String.getBytes does), COPY escapes applied. */
    void escaped(String s) {
        int n = s.length();
        ensure(n * 3 + 4);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                switch (c) {
                    case '\\' -> put2('\\', '\\');
                    case '\t' -> put2('\\', 't');
                    case '\n' -> put2('\\', 'n');
                    case '\r' -> put2('\\', 'r');
                    default -> buf[len++] = (byte) c;
                }
            } else if (c < 0x800) {
                buf[len++] = (byte) (0xc0 | (c >> 6));
                buf[len++] = (byte) (0x80 | (c & 0x3f));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                buf[len++] = (byte) (0xf0 | (cp >> 18));
                buf[len++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                buf[len++] = (byte) (0x80 | (cp & 0x3f));
            } else if (Character.isSurrogate(c)) {
                buf[len++] = '?';
            } else {
                buf[len++] = (byte) (0xe0 | (c >> 12));
                buf[len++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                buf[len++] = (byte) (0x80 | (c & 0x3f));
            }
        }
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

    private void put2(char a, char b) {
        buf[len++] = (byte) a;
        buf[len++] = (byte) b;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }
}
