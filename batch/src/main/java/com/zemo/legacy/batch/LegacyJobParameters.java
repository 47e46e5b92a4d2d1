package com.zemo.legacy.batch;

import com.zemo.legacy.importer.ImportOptions;
import com.zemo.legacy.mapping.LegacyStatuses;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The parameters of the legacy-import job as the batch artifacts receive them (strings). The service checked
 * them at submission; the file is checked again here because it may have gone since.
 */
record LegacyJobParameters(Path path, String mode, boolean dryRun, int chunk) {
    /** Source rows per chunk transaction: the importer's benchmarked size. */
    static final int CHUNK = 2000;

    /** @param chunk not a parameter users can set (the job type refuses it); tests make chunks small to stop mid-table */
    static LegacyJobParameters of(String path, String mode, String dryRun, String chunk) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("the job has no path parameter");
        }
        return new LegacyJobParameters(Path.of(path), mode == null || mode.isBlank() ? "full" : mode, Boolean.parseBoolean(dryRun),
                chunk == null || chunk.isBlank() ? CHUNK : Integer.parseInt(chunk.trim()));
    }

    Path readableSource() {
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new IllegalStateException("the legacy database " + path + " is not a readable file (any more)");
        }
        return path;
    }

    ImportOptions options(String secretKey) {
        return new ImportOptions(mode, chunk, secretKey, LegacyStatuses.DEFAULT_STALE_AFTER, dryRun);
    }
}
