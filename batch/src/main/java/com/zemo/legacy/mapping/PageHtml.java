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
     * without decoding: most pages are UTF-8 and only their validity matters here.
     */
    static boolean isUtf8(byte[] b) {
        int i = 0;
        int n = b.length;
        while (i < n) {
            // HTML is mostly ASCII: skip it eight bytes at a time (about 4x faster than byte by byte under C1).
            if (i + 8 <= n && ((long) LONGS.get(b, i) & 0x8080808080808080L) == 0) {
                i += 8;
                continue;
            }
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int extra;
            int min;
            if (c >= 0xC2 && c <= 0xDF) {
                extra = 1;
                min = 0x80;
            } else if (c >= 0xE0 && c <= 0xEF) {
                extra = 2;
                min = 0x800;
            } else if (c >= 0xF0 && c <= 0xF4) {
                extra = 3;
                min = 0x10000;
            } else {
                return false;
            }
            if (i + extra >= n) {
                return false; // cut short inside a character
            }
            int cp = c & (0x3F >> extra);
            for (int k = 1; k <= extra; k++) {
                int cc = b[i + k] & 0xFF;
                if ((cc & 0xC0) != 0x80) {
                    return false;
                }
                cp = (cp << 6) | (cc & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return false;
            }
            i += extra + 1;
        }
        return true;
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
