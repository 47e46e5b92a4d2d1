package com.zemo.legacy.report;

import java.util.List;

/**
 * One legacy table in the reconciliation report. {@code source} = imported + merged + quarantined +
 * unaccounted, and unaccounted must be 0. The checksums are over (legacy id, converted row checksum) of the
 * rows whose content lives in PostgreSQL (imported rows, and merged user accounts kept as aliases): one
 * computed from the SQLite file now, one rebuilt from PostgreSQL now; they match when no row was lost or
 * altered beyond the documented conversions.
 *
 * @param flagged         imported rows with at least one column converted by a documented fallback
 * @param mismatched      rows whose target content differs from the converted source
 * @param goneFromSource  id-map rows whose source row is no longer in the file (deleted in the monolith)
 * @param unaccountedIds  up to 20 source ids that are nowhere, to start looking
 */
public record TableReconciliation(String table, long source, long imported, long quarantined, long merged,
                                  long unaccounted, long flagged, long mismatched, long goneFromSource,
                                  String sourceChecksum, String targetChecksum, boolean checksumsMatch,
                                  List<Long> unaccountedIds) {
}
