package com.zemo.legacy.importer;

/**
 * The outcome of an import call: the run row (0 in a dry run), the last checkpoint, what was done, and the
 * checksums of the source rows as this call read them (complete only for a run that was not resumed).
 */
public record ImportResult(long runId, ImportCheckpoint lastCheckpoint, ImportProgress progress, boolean dryRun,
                           SourceChecksumLog sourceChecksums) {
}
