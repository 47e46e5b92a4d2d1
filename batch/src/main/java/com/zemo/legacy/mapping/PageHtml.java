package com.zemo.legacy.mapping;

import java.nio.ByteBuffer;
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
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9_:.\\-]+)", Pattern.CASE_INSENSITIVE);

    private PageHtml() {
    }

    /** The charset and decoded text of a page; problem set when the declared charset did not fit the bytes. */
    public record Decoded(String charset, String text, String problem) {
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
            String text = strictDecode(html, cs);
            if (text != null) {
                return new Decoded(cs.name().toLowerCase(Locale.ROOT), text, null);
            }
            return fallback(html, "bytes do not match declared charset " + declared);
        }
        return fallback(html, null);
    }

    private static Decoded fallback(byte[] html, String problem) {
        String utf8 = strictDecode(html, StandardCharsets.UTF_8);
        if (utf8 != null) {
            return new Decoded("utf-8", utf8, problem);
        }
        Charset cp1251 = Charset.forName("windows-1251");
        return new Decoded("windows-1251", new String(html, cp1251),
                problem == null ? "no declared charset, windows-1251 assumed" : problem + ", windows-1251 assumed");
    }

    private static Charset lookup(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    private static String strictDecode(byte[] bytes, Charset cs) {
        try {
            return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
