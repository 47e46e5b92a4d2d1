package com.zemo.legacy.mapping;

import com.zemo.legacy.source.SourceRow;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** legacy task_logs → job_logs. Level lower-cased ('INFO' → 'info'); a log of a deleted task keeps its task id. */
public record TaskLogRow(long legacyId, Long legacyJobId, String level, String message, Instant at, List<Flag> flags) {

    public static TaskLogRow fromSource(SourceRow r) throws QuarantineException {
        FlagCollector f = new FlagCollector(r);
        String level = r.text("level");
        if (level == null || level.isBlank()) {
            f.flag("level", "no level, info used");
            level = "info";
        }
        level = f.limited("level", level.trim().toLowerCase(Locale.ROOT), 10);
        String message = r.text("message");
        return new TaskLogRow(r.id(), f.take("task_id", LegacyNumbers.parseInteger(r.get("task_id"))), level,
                message == null ? "" : message, f.take("created_at", LegacyTimestamps.parseRequired(r.get("created_at"))),
                f.flags());
    }

    public String checksum() {
        return new RowDigest().add(legacyJobId).add(level).add(message).add(at).hex();
    }
}
