package com.zemo.analysis.engine;

import java.util.Locale;

/**
 * Chooses between Russian and English by script: the two languages we support do not share an
 * alphabet, so counting Cyrillic against Latin letters is both fast and reliable (a Russian page
 * quoting "iPhone" or "SEO" still has far more Cyrillic letters).
 */
public final class LanguageDetector {

    /** How many characters to look at; a page's first few thousand letters settle it. */
    private static final int SAMPLE = 20_000;

    private LanguageDetector() {
    }

    /** Russian when Cyrillic letters are at least as many as Latin ones and there is any; else English. */
    public static Language detect(CharSequence text) {
        if (text == null) {
            return Language.EN;
        }
        int cyrillic = 0;
        int latin = 0;
        int n = Math.min(text.length(), SAMPLE);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= '\u0400' && c <= '\u04FF') {
                cyrillic++;
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                latin++;
            }
        }
        return cyrillic > 0 && cyrillic >= latin ? Language.RU : Language.EN;
    }

    /**
     * Resolves an API language parameter: "ru", "en", or "auto" (detect from the text).
     *
     * @throws IllegalArgumentException for any other value
     */
    public static Language resolve(String code, CharSequence text) {
        if (code == null || code.isBlank() || "auto".equals(code.trim().toLowerCase(Locale.ROOT))) {
            return detect(text);
        }
        return Language.fromCode(code);
    }
}
