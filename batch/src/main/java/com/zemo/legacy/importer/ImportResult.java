package com.zemo.legacy.importer;

/** The outcome of an import call: the run row (0 in a dry run), the last checkpoint and what was done. */
public record ImportResult(long runId, ImportCheckpoint lastCheckpoint, ImportProgress progress, boolean dryRun) {
}
