package com.zemo.legacy.mapping;

import com.zemo.legacy.source.SourceRow;

/** The checksum of a legacy row's converted form, as the importer records it; of its raw values when it is quarantined. */
public final class SourceChecksums {
    private SourceChecksums() {
    }

    /** @param quarantined whether the row cannot be converted */
    public record Result(String checksum, boolean quarantined) {
    }

    public static Result of(SourceRow row, MappingRules rules) {
        try {
            NulGuard.check(row);
            String c = switch (row.table()) {
                case USERS -> UserRow.fromSource(row).checksum();
                case SETTINGS -> SettingRow.fromSource(row).checksum();
                case PROMPTS -> PromptRow.fromSource(row).checksum();
                case TASKS -> TaskRow.fromSource(row, rules).checksum();
                case TASK_LOGS -> TaskLogRow.fromSource(row).checksum();
                case SERP_RESULTS -> SerpResultRow.fromSource(row).checksum();
                case PAGES -> PageRow.fromSource(row).checksum();
                case ANALYSES -> AnalysisRow.fromSource(row).checksum();
                case GENERATIONS -> GenerationRow.fromSource(row).checksum();
            };
            return new Result(c, false);
        } catch (QuarantineException e) {
            return new Result(raw(row), true);
        }
    }

    /** A quarantined row's checksum is over its raw values: it changes when the monolith rewrites the row. */
    public static String raw(SourceRow row) {
        RowDigest d = new RowDigest().add("quarantined");
        for (Object v : row.values()) {
            d.add(v);
        }
        return d.hex();
    }
}
