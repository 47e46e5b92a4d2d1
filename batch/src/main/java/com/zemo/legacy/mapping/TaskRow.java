package com.zemo.legacy.mapping;

import com.zemo.legacy.source.SourceRow;

import java.time.Instant;
import java.util.List;

/**
 * legacy tasks → jobs. params: valid JSON → params (jsonb), otherwise params_raw (flagged). result: JSON,
 * or NULL for the text 'null'. progress: percent → progress_done of progress_total 100; NULL → 0 of NULL.
 */
public record TaskRow(long legacyId, Long legacyOwnerId, Long legacyParentId, String type, String status,
                      String keyword, String paramsJson, String paramsRaw, String paramsCanonical,
                      String resultJson, String resultCanonical, String error, long progressDone,
                      Long progressTotal, Instant createdAt, Instant startedAt, Instant finishedAt,
                      List<Flag> flags) {

    public static TaskRow fromSource(SourceRow r, MappingRules rules) throws QuarantineException {
        FlagCollector f = new FlagCollector(r);
        String type = r.text("type");
        if (type == null || type.isBlank()) {
            throw new QuarantineException("type", "task without a type: nothing could run or show it", r.raw("type"));
        }
        f.limited("type", type, 40);
        LegacyJson.JsonColumn params = LegacyJson.parse(r.text("params"));
        if (params.problem() != null) {
            f.flag("params", params.problem());
        }
        LegacyJson.JsonColumn result = LegacyJson.parse(r.text("result"));
        if (result.problem() != null) {
            // jobs has no result_raw: the raw text stays in legacy_quarantine with this flag.
            f.flag("result", result.problem().replace("kept raw", "raw kept in quarantine"));
        }
        Long progress = f.take("progress", LegacyNumbers.parseProgress(r.get("progress")));
        Instant created = f.take("created_at", LegacyTimestamps.parseRequired(r.get("created_at")));
        Instant started = f.take("started_at", LegacyTimestamps.parse(r.get("started_at")));
        Instant finished = f.take("finished_at", LegacyTimestamps.parse(r.get("finished_at")));
        Instant lastSign = started != null ? started : created.equals(Instant.EPOCH) ? null : created;
        LegacyStatuses.JobState state = LegacyStatuses.convert(r.text("status"), r.text("error"), lastSign,
                rules.asOf(), rules.staleAfter());
        if (state.problem() != null) {
            f.flag("status", state.problem());
        }
        return new TaskRow(r.id(), f.take("user_id", LegacyNumbers.parseInteger(r.get("user_id"))),
                f.take("parent_id", LegacyNumbers.parseInteger(r.get("parent_id"))), type.trim(), state.status(),
                r.text("keyword"), params.json(), params.raw(), params.canonical(), result.json(),
                result.canonical(), state.error(), progress == null ? 0 : progress, progress == null ? null : 100L,
                created, started, finished, f.flags());
    }

    public String checksum() {
        return new RowDigest().add(legacyOwnerId).add(legacyParentId).add(type).add(status).add(keyword)
                .add(paramsCanonical).add(paramsRaw).add(resultCanonical).add(error).add(progressDone)
                .add(progressTotal).add(createdAt).add(startedAt).add(finishedAt).hex();
    }
}
