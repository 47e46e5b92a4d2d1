package com.zemo.legacy.report;

/** The report as one self-contained HTML page for operators to download and file. */
final class ReportHtml {
    private ReportHtml() {
    }

    static String render(ReconciliationReport r) {
        StringBuilder b = new StringBuilder(4096);
        b.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Legacy import reconciliation</title>")
                .append("<style>body{font:14px sans-serif;margin:2em}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}td:first-child,th:first-child{text-align:left}")
                .append(".bad{background:#fdd}.ok{color:#060}code{font-size:11px}</style></head><body>")
                .append("<h1>Legacy import reconciliation</h1>")
                .append("<p class=\"").append(r.balanced() ? "ok" : "bad").append("\"><strong>").append(esc(r.summary()))
                .append("</strong></p><p>Source: <code>").append(esc(r.sourcePath())).append("</code>, run ")
                .append(r.runId()).append(", generated ").append(esc(r.generatedAt().toString())).append(", source checksums ")
                .append(esc(r.sourceSide())).append("</p>")
                .append("<table><tr><th>table</th><th>source</th><th>imported</th><th>merged</th><th>quarantined</th>")
                .append("<th>unaccounted</th><th>flagged</th><th>differ</th><th>gone from source</th><th>checksums</th></tr>");
        for (TableReconciliation t : r.tables()) {
            boolean bad = t.unaccounted() > 0 || t.mismatched() > 0 || !t.checksumsMatch();
            b.append("<tr").append(bad ? " class=\"bad\"" : "").append("><td>").append(esc(t.table())).append("</td><td>")
                    .append(t.source()).append("</td><td>").append(t.imported()).append("</td><td>").append(t.merged())
                    .append("</td><td>").append(t.quarantined()).append("</td><td>").append(t.unaccounted())
                    .append("</td><td>").append(t.flagged()).append("</td><td>").append(t.mismatched())
                    .append("</td><td>").append(t.goneFromSource()).append("</td><td>")
                    .append(t.checksumsMatch() ? "match" : "DIFFER").append("<br><code>")
                    .append(esc(shorten(t.sourceChecksum()))).append(" / ").append(esc(shorten(t.targetChecksum())))
                    .append("</code></td></tr>");
        }
        return b.append("</table></body></html>").toString();
    }

    private static String shorten(String checksum) {
        return checksum == null ? "" : checksum.substring(0, Math.min(12, checksum.length()));
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
