package com.zemo.legacy.mapping;

import com.zemo.legacy.source.SourceRow;

import java.time.Instant;
import java.util.List;

/** legacy analyses → analyses. data: valid JSON → data (jsonb), cut-short text → data_raw (flagged). */
public record AnalysisRow(long legacyId, Long legacyJobId, String keyword, String dataJson, String dataRaw,
                          String dataCanonical, Instant createdAt, List<Flag> flags) {

    public static AnalysisRow fromSource(SourceRow r) throws QuarantineException {
        FlagCollector f = new FlagCollector(r);
        LegacyJson.JsonColumn data = LegacyJson.parse(r.text("data"));
        if (data.problem() != null) {
            f.flag("data", data.problem());
        }
        return new AnalysisRow(r.id(), f.take("task_id", LegacyNumbers.parseInteger(r.get("task_id"))),
                r.text("keyword"), data.json(), data.raw(), data.canonical(),
                f.take("created_at", LegacyTimestamps.parseRequired(r.get("created_at"))), f.flags());
    }

    public String checksum() {
        return new RowDigest().add(legacyJobId).add(keyword).add(dataCanonical).add(dataRaw).add(createdAt).hex();
    }
}
