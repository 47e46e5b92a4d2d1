package com.zemo.analysis.engine.brief;

/** Escaping for the renderers: everything that comes from pages or users is untrusted. */
final class Escaping {

    private Escaping() {
    }

    /** HTML text and attribute escaping. */
    static String html(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<': sb.append("&lt;"); break;
                case '>': sb.append("&gt;"); break;
                case '&': sb.append("&amp;"); break;
                case '"': sb.append("&quot;"); break;
                case '\'': sb.append("&#39;"); break;
                default: sb.append(c); break;
            }
        }
        return sb.toString();
    }

    /**
     * Markdown inline text: HTML-escaped (so raw tags never render) and Markdown punctuation
     * backslash-escaped (so page text cannot open links, emphasis or break table cells); line
     * breaks become spaces.
     */
    static String markdown(String s) {
        String h = html(s).replace('\n', ' ').replace('\r', ' ');
        StringBuilder sb = new StringBuilder(h.length() + 8);
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            if ("\\`*_{}[]()#+!|~".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
