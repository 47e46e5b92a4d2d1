package com.zemo.scrape.batch;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code urls} job parameter, a JSON array of strings as JobParams stored it. Batch artifacts get
 * parameters as strings, and the batch module has no JSON-P implementation outside the server.
 */
final class JsonStrings {
    private JsonStrings() {
    }

    static List<String> parseArray(String json) {
        List<String> out = new ArrayList<>();
        String s = json == null ? "" : json.trim();
        if (!s.startsWith("[") || !s.endsWith("]")) {
            throw new IllegalArgumentException("not a JSON array of strings: " + s);
        }
        int i = 1;
        while (i < s.length() - 1) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == ',') {
                i++;
                continue;
            }
            if (c != '"') {
                throw new IllegalArgumentException("not a JSON array of strings at " + i + ": " + s);
            }
            StringBuilder sb = new StringBuilder();
            i++;
            while (s.charAt(i) != '"') {
                char d = s.charAt(i++);
                if (d == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> sb.append('\n');
                        case 't' -> sb.append('\t');
                        case 'r' -> sb.append('\r');
                        case 'b' -> sb.append('\b');
                        case 'f' -> sb.append('\f');
                        case 'u' -> {
                            sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> sb.append(e);     // \" \\ \/
                    }
                } else {
                    sb.append(d);
                }
            }
            i++;
            out.add(sb.toString());
        }
        return out;
    }
}
