package com.zemo.legacy.export;

import java.nio.file.Path;
import java.util.Map;

/** The exported file and how many rows each monolith table received. */
public record ExportResult(Path file, Map<String, Long> rowsPerTable) {
    public long totalRows() {
        return rowsPerTable.values().stream().mapToLong(Long::longValue).sum();
    }
}
