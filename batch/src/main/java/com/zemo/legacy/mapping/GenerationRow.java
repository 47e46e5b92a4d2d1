package com.zemo.legacy.mapping;

import com.zemo.legacy.source.SourceRow;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/**
 * legacy generations → generations. cost_usd: REAL or text with a decimal comma → NUMERIC(14,6);
 * prompt_id → the prompt's version 1 (prompt_version_id) when the prompt exists, kept as legacy_prompt_id always.
 */
public record GenerationRow(long legacyId, Long legacyJobId, Long legacyPromptId, String model, Long inputTokens,
                            Long outputTokens, BigDecimal costUsd, String content, Instant createdAt,
                            List<Flag> flags) {

    private static final BigDecimal MAX_COST = new BigDecimal("99999999.999999");

    public static GenerationRow fromSource(SourceRow r) throws QuarantineException {
        FlagCollector f = new FlagCollector(r);
        BigDecimal cost = f.take("cost_usd", LegacyNumbers.parseDecimal(r.get("cost_usd")));
        if (r.get("cost_usd") instanceof String s && s.contains(",") && cost != null) {
            f.flag("cost_usd", "decimal comma read as a decimal point");
        }
        if (cost != null) {
            BigDecimal scaled = cost.setScale(6, RoundingMode.HALF_UP);
            if (scaled.abs().compareTo(MAX_COST) > 0) {
                f.flag("cost_usd", "cost out of range, NULL used");
                scaled = null;
            } else if (scaled.compareTo(cost) != 0) {
                f.flag("cost_usd", "cost rounded to 6 decimals");
            }
            cost = scaled;
        }
        return new GenerationRow(r.id(), f.take("task_id", LegacyNumbers.parseInteger(r.get("task_id"))),
                f.take("prompt_id", LegacyNumbers.parseInteger(r.get("prompt_id"))),
                f.limited("model", r.text("model"), 100), intRange(f, r, "input_tokens"), intRange(f, r, "output_tokens"),
                cost, r.text("content"), f.take("created_at", LegacyTimestamps.parseRequired(r.get("created_at"))),
                f.flags());
    }

    private static Long intRange(FlagCollector f, SourceRow r, String column) {
        Long v = f.take(column, LegacyNumbers.parseInteger(r.get(column)));
        if (v != null && (v > Integer.MAX_VALUE || v < 0)) {
            f.flag(column, "token count out of range, NULL used");
            return null;
        }
        return v;
    }

    public String checksum() {
        return new RowDigest().add(legacyJobId).add(legacyPromptId).add(model).add(inputTokens).add(outputTokens)
                .add(costUsd).add(content).add(createdAt).hex();
    }
}
