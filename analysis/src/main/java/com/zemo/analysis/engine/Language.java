package com.zemo.analysis.engine;

import java.util.Locale;

/** The languages the engine has dictionaries for. */
public enum Language {
    RU, EN;

    /** ISO 639-1 code, as used in the REST API ("ru", "en"). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses "ru", "en" (any case). "auto" is not a language: callers resolve it with
     * {@link LanguageDetector} first.
     *
     * @throws IllegalArgumentException for anything else, so a REST layer can answer 400
     */
    public static Language fromCode(String code) {
        if (code != null) {
            switch (code.trim().toLowerCase(Locale.ROOT)) {
                case "ru": return RU;
                case "en": return EN;
                default: break;
            }
        }
        throw new IllegalArgumentException("Unsupported language '" + code + "': expected ru, en or auto");
    }
}
