package com.zemo.legacy.mapping;

/**
 * A thread's reusable buffer for the UTF-8 bytes of one long text, which enters row checksums by its UTF-8
 * length and CRCs. {@code String.getBytes(UTF_8)} allocates three bytes a character and copies the result
 * again; under C1 the bulk {@code getChars} and the loop below took about half its time (page texts,
 * generated articles).
 */
public final class Utf8Scratch {
    private static final ThreadLocal<Utf8Scratch> LOCAL = ThreadLocal.withInitial(Utf8Scratch::new);

    private char[] chars = new char[1024];
    private byte[] bytes = new byte[3072];
    private int length;

    /** The UTF-8 bytes of {@code s} (unpaired surrogates as '?', as getBytes does) in this thread's scratch. */
    static Utf8Scratch encode(String s) {
        Utf8Scratch u = LOCAL.get();
        u.fill(s);
        return u;
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    private void fill(String s) {
        int n = s.length();
        if (chars.length < n) {
            chars = new char[n];
            bytes = new byte[n * 3];
        }
        char[] cs = chars;
        byte[] b = bytes;
        s.getChars(0, n, cs, 0);
        int l = 0;
        for (int i = 0; i < n; i++) {
            char c = cs[i];
            if (c < 0x80) {
                b[l++] = (byte) c;
            } else {
                l = putNonAscii(cs, i, n, b, l);
                if (pairAt(cs, i, n)) {
                    i++;
                }
            }
        }
        length = l;
    }

    /**
     * Writes the UTF-8 bytes of the non-ASCII char {@code cs[i]} (with its low surrogate when the two form a pair,
     * see {@link #pairAt}) at {@code b[l]} and returns the new length; an unpaired surrogate becomes '?', as
     * {@code String.getBytes(UTF_8)} does. Shared with the COPY encoder, which escapes ASCII its own way.
     */
    public static int putNonAscii(char[] cs, int i, int n, byte[] b, int l) {
        char c = cs[i];
        if (c < 0x800) {
            b[l++] = (byte) (0xc0 | (c >> 6));
            b[l++] = (byte) (0x80 | (c & 0x3f));
        } else if (pairAt(cs, i, n)) {
            int cp = Character.toCodePoint(c, cs[i + 1]);
            b[l++] = (byte) (0xf0 | (cp >> 18));
            b[l++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
            b[l++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
            b[l++] = (byte) (0x80 | (cp & 0x3f));
        } else if (Character.isSurrogate(c)) {
            b[l++] = '?';
        } else {
            b[l++] = (byte) (0xe0 | (c >> 12));
            b[l++] = (byte) (0x80 | ((c >> 6) & 0x3f));
            b[l++] = (byte) (0x80 | (c & 0x3f));
        }
        return l;
    }

    /** Whether {@code cs[i]} starts a surrogate pair (the encoder then takes two chars). */
    public static boolean pairAt(char[] cs, int i, int n) {
        return Character.isHighSurrogate(cs[i]) && i + 1 < n && Character.isLowSurrogate(cs[i + 1]);
    }
}
