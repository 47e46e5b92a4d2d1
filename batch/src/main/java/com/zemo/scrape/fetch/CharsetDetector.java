package com.zemo.scrape.fetch;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The charset of an HTML body, in the HTML spec's order: a byte-order mark, then {@code charset=} of the
 * Content-Type header, then a {@code <meta>} in the first bytes, then a guess. One deviation, because the
 * Russian web is full of it: a header that says UTF-8 over bytes that are not UTF-8 is ignored (a server default
 * over a windows-1251 page), so the page's own {@code <meta>} or the guess decides.
 */
public final class CharsetDetector {
    private static final int PRESCAN_BYTES = 4096;
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_:.\\-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([A-Za-z0-9_:.\\-]+)", Pattern.CASE_INSENSITIVE);
    private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** WHATWG label aliases Java does not know, or maps differently. */
    private static final Map<String, String> ALIASES = Map.of(
            "utf8", "UTF-8", "unicode-1-1-utf-8", "UTF-8", "cp1251", "windows-1251", "win-1251", "windows-1251",
            "x-cp1251", "windows-1251", "iso-8859-1", "windows-1252", "latin1", "windows-1252", "us-ascii", "windows-1252",
            "ascii", "windows-1252");

    public enum Source { BOM, HEADER, META, GUESS }

    public record Detected(Charset charset, Source source, int bomLength) {
        public String decode(byte[] body) {
            return new String(body, bomLength, body.length - bomLength, charset);
        }
    }

    private CharsetDetector() {
    }

    public static Detected detect(byte[] body, String contentType) {
        if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
            return new Detected(StandardCharsets.UTF_8, Source.BOM, 3);
        }
        if (startsWith(body, 0xFE, 0xFF)) {
            return new Detected(StandardCharsets.UTF_16BE, Source.BOM, 2);
        }
        if (startsWith(body, 0xFF, 0xFE)) {
            return new Detected(StandardCharsets.UTF_16LE, Source.BOM, 2);
        }
        Optional<Charset> header = contentType == null ? Optional.empty() : label(HEADER_CHARSET.matcher(contentType));
        if (header.isPresent() && !(header.get().equals(StandardCharsets.UTF_8) && !isUtf8(body))) {
            return new Detected(header.get(), Source.HEADER, 0);
        }
        String head = new String(body, 0, Math.min(body.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
        Optional<Charset> meta = label(META_CHARSET.matcher(head));
        if (meta.isPresent()) {
            Charset c = meta.get();
            // A <meta> can't be UTF-16: the bytes read so far were ASCII-compatible (WHATWG: treat as UTF-8).
            if (c.name().startsWith("UTF-16")) {
                c = StandardCharsets.UTF_8;
            }
            return new Detected(c, Source.META, 0);
        }
        return new Detected(guess(body), Source.GUESS, 0);
    }

    /** No label anywhere: UTF-8 if the bytes are valid UTF-8; Cyrillic-looking high bytes → windows-1251; else 1252. */
    static Charset guess(byte[] body) {
        if (isUtf8(body)) {
            return StandardCharsets.UTF_8;
        }
        int high = 0;
        int cyrillicLetters = 0;
        for (byte x : body) {
            int b = x & 0xff;
            if (b >= 0x80) {
                high++;
                if (b >= 0xC0) {
                    cyrillicLetters++;          // А..я in windows-1251
                }
            }
        }
        return high > 0 && cyrillicLetters * 10 >= high * 7 ? WINDOWS_1251 : WINDOWS_1252;
    }

    static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static Optional<Charset> label(Matcher m) {
        if (!m.find()) {
            return Optional.empty();
        }
        String name = m.group(1).trim().toLowerCase(Locale.ROOT);
        name = ALIASES.getOrDefault(name, name);
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
