package com.zemo.legacy.importer;

import com.zemo.legacy.mapping.LegacyStatuses;

import java.time.Duration;
import java.util.Objects;

/**
 * How an import runs.
 *
 * @param mode       "full" (first import) or "delta" (a newer copy of the file; only new and changed rows
 *                   are written). Both use the same checksum comparison; the mode is recorded for the report.
 * @param chunkSize  source rows per transaction
 * @param secretKey  the pgcrypto key for API keys; never stored, never logged
 * @param staleAfter how old an unfinished legacy task must be to count as abandoned
 * @param dryRun     convert and compare only: nothing is written, not even the run row
 */
public record ImportOptions(String mode, int chunkSize, String secretKey, Duration staleAfter, boolean dryRun) {

    public ImportOptions {
        Objects.requireNonNull(mode, "mode");
        if (!mode.equals("full") && !mode.equals("delta")) {
            throw new IllegalArgumentException("mode must be full or delta");
        }
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be positive");
        }
        if (secretKey == null || secretKey.length() < 16) {
            throw new IllegalArgumentException("the secret key must have at least 16 characters");
        }
        Objects.requireNonNull(staleAfter, "staleAfter");
    }

    public static ImportOptions full(String secretKey) {
        return new ImportOptions("full", 1000, secretKey, LegacyStatuses.DEFAULT_STALE_AFTER, false);
    }

    public ImportOptions withChunkSize(int size) {
        return new ImportOptions(mode, size, secretKey, staleAfter, dryRun);
    }

    public ImportOptions asDelta(boolean dry) {
        return new ImportOptions("delta", chunkSize, secretKey, staleAfter, dry);
    }

    @Override
    public String toString() {
        return "ImportOptions[mode=" + mode + ", chunkSize=" + chunkSize + ", staleAfter=" + staleAfter
                + ", dryRun=" + dryRun + ", secretKey=<hidden>]";
    }
}
