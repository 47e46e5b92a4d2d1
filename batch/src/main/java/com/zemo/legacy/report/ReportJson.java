package com.zemo.legacy.report;

/**
 * The report as JSON, written by hand so the core has no JSON-B runtime to carry; the records are plain
 * enough for JSON-B to serialise the same field names too.
 */
final class ReportJson {
    private ReportJson() {
    }

    static String write(ReconciliationReport r) {
        StringBuilder b = new StringBuilder(2048);
        b.append("{\"generatedAt\":").append(str(r.generatedAt().toString()))
                .append(",\"sourcePath\":").append(str(r.sourcePath()))
                .append(",\"runId\":").append(r.runId())
                .append(",\"sourceSide\":").append(str(r.sourceSide()))
                .append(",\"totalSource\":").append(r.totalSource())
                .append(",\"totalUnaccounted\":").append(r.totalUnaccounted())
                .append(",\"totalMismatched\":").append(r.totalMismatched())
                .append(",\"balanced\":").append(r.balanced())
                .append(",\"summary\":").append(str(r.summary()))
                .append(",\"tables\":[");
        boolean first = true;
        for (TableReconciliation t : r.tables()) {
            b.append(first ? "" : ",");
            first = false;
            b.append("{\"table\":").append(str(t.table()))
                    .append(",\"source\":").append(t.source())
                    .append(",\"imported\":").append(t.imported())
                    .append(",\"quarantined\":").append(t.quarantined())
                    .append(",\"merged\":").append(t.merged())
                    .append(",\"unaccounted\":").append(t.unaccounted())
                    .append(",\"flagged\":").append(t.flagged())
                    .append(",\"mismatched\":").append(t.mismatched())
                    .append(",\"goneFromSource\":").append(t.goneFromSource())
                    .append(",\"sourceChecksum\":").append(str(t.sourceChecksum()))
                    .append(",\"targetChecksum\":").append(str(t.targetChecksum()))
                    .append(",\"checksumsMatch\":").append(t.checksumsMatch())
                    .append(",\"unaccountedIds\":").append(t.unaccountedIds())
                    .append('}');
        }
        return b.append("]}").toString();
    }

    static String str(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
