package com.zemo.legacy.mapping;

import com.zemo.legacy.source.SourceRow;

import java.time.Instant;
import java.util.List;

/** legacy serp_results → serp_results. position may be TEXT ('7') in the legacy file. */
public record SerpResultRow(long legacyId, Long legacyJobId, String engine, String query, String region,
                            Long position, String url, String title, String snippet, Instant createdAt,
                            List<Flag> flags) {

    public static SerpResultRow fromSource(SourceRow r) throws QuarantineException {
        FlagCollector f = new FlagCollector(r);
        Long position = f.take("position", LegacyNumbers.parseInteger(r.get("position")));
        if (position != null && (position < 0 || position > Integer.MAX_VALUE)) {
            f.flag("position", "position out of range, NULL used");
            position = null;
        }
        return new SerpResultRow(r.id(), f.take("task_id", LegacyNumbers.parseInteger(r.get("task_id"))),
                f.limited("engine", r.text("engine"), 20), r.text("query"), f.limited("region", r.text("region"), 100),
                position, r.text("url"), r.text("title"), r.text("snippet"),
                f.take("created_at", LegacyTimestamps.parseRequired(r.get("created_at"))), f.flags());
    }

    public String checksum() {
        return new RowDigest().add(legacyJobId).add(engine).add(query).add(region).add(position).add(url)
                .add(title).add(snippet).add(createdAt).hex();
    }
}
