package com.zemo.legacy.control;

/** One CSV record (RFC 4180): fields with a comma, quote, CR or LF quoted, quotes doubled, CRLF at the end. */
final class Csv {
    private Csv() {
    }

    static String row(String... fields) {
        StringBuilder b = new StringBuilder(64);
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            String f = fields[i];
            if (f == null) {
                continue;
            }
            // Raw values stay exactly as the monolith held them (no spreadsheet-formula escaping that would alter them).
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                b.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                b.append(f);
            }
        }
        return b.append("\r\n").toString();
    }
}
