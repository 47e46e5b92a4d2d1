package com.zemo.analysis.engine.text;

/**
 * The one place that decides how words are compared: lowercase, ё → е, typographic apostrophe
 * → ASCII. Russian web text writes "ещё" and "еще" interchangeably, so counting must not split them.
 */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    public static String norm(String word) {
        // Fast path: most words are already lowercase without ё; avoid allocating.
        boolean clean = true;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == 'ё' || c == 'Ё' || c == '\u2019' || Character.isUpperCase(c)) {
                clean = false;
                break;
            }
        }
        if (clean) {
            return word;
        }
        StringBuilder sb = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            sb.append(fold(Character.toLowerCase(word.charAt(i))));
        }
        return sb.toString();
    }

    /** Folds ё only (no lowercasing): used on dictionary lemmas, which are already lowercase. */
    public static String foldYo(String s) {
        return s.indexOf('ё') < 0 ? s : s.replace('ё', 'е');
    }

    private static char fold(char c) {
        if (c == 'ё') {
            return 'е';
        }
        if (c == '\u2019') {
            return '\'';
        }
        return c;
    }
}
