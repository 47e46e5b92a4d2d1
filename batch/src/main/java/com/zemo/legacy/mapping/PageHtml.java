package com.zemo.legacy.mapping;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pages.html is raw bytes as fetched. Its charset is the page's own {@code <meta charset>} (or the
 * {@code http-equiv} content type); without one, bytes that decode as UTF-8 are UTF-8, else windows-1251
 * (most of the monolith's non-UTF-8 pages are Russian). The bytes are stored unchanged (gzip) beside the
 * charset, so nothing is lost and the export writes the same bytes back.
 */
public final class PageHtml {
    /** Only the head matters; scanning 4 KB keeps this cheap on large pages. */
    private static final int SNIFF_BYTES = 4096;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9_:.\\-]+)", Pattern.CASE_INSENSITIVE);

    private PageHtml() {
    }

    /** The charset of a page's bytes; problem set when the declared charset did not fit them. */
    public record Decoded(String charset, byte[] bytes, String problem) {
        /** The page as text (decoded on demand: the import only needs to know that it decodes). */
        public String text() {
            return bytes == null ? null : new String(bytes, Charset.forName(charset));
        }
    }

    public static Decoded decode(byte[] html) {
        if (html == null) {
            return new Decoded(null, null, null);
        }
        String head = new String(html, 0, Math.min(html.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        if (m.find()) {
            String declared = m.group(1).toLowerCase(Locale.ROOT);
            Charset cs = lookup(declared);
            if (cs == null) {
                return fallback(html, "unknown declared charset " + declared);
            }
            if (decodes(html, cs)) {
                return new Decoded(cs.name().toLowerCase(Locale.ROOT), html, null);
            }
            return fallback(html, "bytes do not match declared charset " + declared);
        }
        return fallback(html, null);
    }

    private static Decoded fallback(byte[] html, String problem) {
        if (isUtf8(html)) {
            return new Decoded("utf-8", html, problem);
        }
        return new Decoded("windows-1251", html,
                problem == null ? "no declared charset, windows-1251 assumed" : problem + ", windows-1251 assumed");
    }

    private static Charset lookup(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    /**
     * Whether the bytes are well-formed UTF-8 (shortest forms, no surrogates, at most U+10FFFF), checked
     * without decoding: most pages are UTF-8 and only their validity matters here. Three quarters of the
     * monolith's HTML bytes are Cyrillic (two-byte sequences), so besides ASCII those are checked eight bytes
     * (four characters) at a time too, and each sequence length has its own branch (this runs under C1).
     */
    static boolean isUtf8(byte[] b) {
        int i = 0;
        int n = b.length;
        while (i < n) {
            if (i + 8 <= n) {
                long w = (long) LONGS.get(b, i);
                if ((w & 0x8080808080808080L) == 0) { // eight ASCII bytes
                    i += 8;
                    continue;
                }
                if (fourTwoByteChars(w)) {
                    i += 8;
                    continue;
                }
            }
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
            } else if (c >= 0xC2 && c <= 0xDF) {
                if (i + 1 >= n || (b[i + 1] & 0xC0) != 0x80) {
                    return false;
                }
                i += 2;
            } else if (c >= 0xE0 && c <= 0xEF) {
                if (i + 2 >= n) {
                    return false; // cut short inside a character
                }
                int c1 = b[i + 1] & 0xFF;
                int lo = c == 0xE0 ? 0xA0 : 0x80; // E0 80..9F would be overlong
                int hi = c == 0xED ? 0x9F : 0xBF; // ED A0..BF would be a surrogate
                if (c1 < lo || c1 > hi || (b[i + 2] & 0xC0) != 0x80) {
                    return false;
                }
                i += 3;
            } else if (c >= 0xF0 && c <= 0xF4) {
                if (i + 3 >= n) {
                    return false;
                }
                int c1 = b[i + 1] & 0xFF;
                int lo = c == 0xF0 ? 0x90 : 0x80; // F0 80..8F would be overlong
                int hi = c == 0xF4 ? 0x8F : 0xBF; // F4 90.. would be above U+10FFFF
                if (c1 < lo || c1 > hi || (b[i + 2] & 0xC0) != 0x80 || (b[i + 3] & 0xC0) != 0x80) {
                    return false;
                }
                i += 4;
            } else {
                return false; // a continuation byte without a lead, C0/C1 (overlong) or F5..FF
            }
        }
        return true;
    }

    /**
     * Whether eight bytes (little-endian in {@code w}) are four two-byte sequences: each even byte a lead
     * C2..DF (110xxxxx but not C0/C1), each odd byte a continuation (10xxxxxx).
     */
    private static boolean fourTwoByteChars(long w) {
        if ((w & 0xC0E0C0E0C0E0C0E0L) != 0x80C080C080C080C0L) {
            return false;
        }
        // C0/C1 leads have bits 1..4 all zero: mark the odd bytes non-zero and look for a zero byte.
        long leads = (w & 0x001E001E001E001EL) | 0x8000800080008000L;
        return ((leads - 0x0101010101010101L) & ~leads & 0x8080808080808080L) == 0;
    }

    private static boolean decodes(byte[] bytes, Charset cs) {
        if (cs.equals(StandardCharsets.UTF_8)) {
            return isUtf8(bytes);
        }
        try {
            cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
