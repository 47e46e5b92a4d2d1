package com.zemo.legacy.mapping;

/**
 * A text value as UTF-8 bytes, as PostgreSQL sends it: {@link RowDigest#add} digests it exactly as it digests the
 * equal {@code String}, without decoding it to UTF-16 and encoding it back. The report reads every page's text
 * back (70 MB at 20,000 tasks); the round trip was most of its JVM time.
 */
public record Utf8Text(byte[] bytes) {

    /** The length the decoded String would have, in UTF-16 units: a 4-byte sequence is a surrogate pair. */
    int utf16Length() {
        int n = 0;
        for (byte b : bytes) {
            if ((b & 0xC0) != 0x80) {
                n += (b & 0xF8) == 0xF0 ? 2 : 1;
            }
        }
        return n;
    }
}
