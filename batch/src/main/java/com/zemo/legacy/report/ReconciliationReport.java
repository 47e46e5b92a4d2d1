package com.zemo.legacy.report;

import java.time.Instant;
import java.util.List;

/** The reconciliation of a legacy import: per table counts and checksums, and one summary line. */
public record ReconciliationReport(Instant generatedAt, String sourcePath, long runId, String sourceSide,
                                   List<TableReconciliation> tables,
                                   long totalSource, long totalUnaccounted, long totalMismatched, boolean balanced,
                                   String summary) {

    /** @param sourceSide how the source checksums were obtained: re-read from the file, or recorded by the import run */
    public static ReconciliationReport of(Instant generatedAt, String sourcePath, long runId, String sourceSide,
                                          List<TableReconciliation> tables) {
        long source = 0;
        long unaccounted = 0;
        long mismatched = 0;
        boolean checksums = true;
        for (TableReconciliation t : tables) {
            source += t.source();
            unaccounted += t.unaccounted();
            mismatched += t.mismatched();
            checksums &= t.checksumsMatch();
        }
        boolean balanced = unaccounted == 0 && mismatched == 0 && checksums;
        String summary;
        if (balanced) {
            summary = "all " + source + " rows accounted for; source and target checksums match in every table";
        } else {
            StringBuilder b = new StringBuilder();
            for (TableReconciliation t : tables) {
                if (t.unaccounted() > 0 || t.mismatched() > 0 || !t.checksumsMatch()) {
                    b.append(b.length() == 0 ? "" : "; ").append(t.table()).append(": ")
                            .append(t.unaccounted()).append(" unaccounted, ").append(t.mismatched()).append(" differ");
                }
            }
            summary = unaccounted + " of " + source + " rows unaccounted for, " + mismatched + " differ (" + b + ")";
        }
        return new ReconciliationReport(generatedAt, sourcePath, runId, sourceSide, List.copyOf(tables), source, unaccounted,
                mismatched, balanced, summary);
    }

    public String toJson() {
        return ReportJson.write(this);
    }

    public String toHtml() {
        return ReportHtml.render(this);
    }
}
