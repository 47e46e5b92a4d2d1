package com.zemo.legacy.mapping;

import com.zemo.legacy.source.SourceRow;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/**
 * legacy prompts → prompts + prompt_versions (version 1 holds body, model, temperature, max_tokens).
 * Soft-deleted prompts keep deleted_at. NULL title and body become '' (both columns are NOT NULL in Zemo).
 */
public record PromptRow(long legacyId, Long legacyOwnerId, String title, String body, String model,
                        BigDecimal temperature, Long maxTokens, boolean shared, Instant createdAt,
                        Instant updatedAt, Instant deletedAt, List<Flag> flags) {

    public static PromptRow fromSource(SourceRow r) throws QuarantineException {
        FlagCollector f = new FlagCollector(r);
        String title = f.limited("title", r.text("title"), 300);
        String body = r.text("body");
        BigDecimal temperature = f.take("temperature", LegacyNumbers.parseDecimal(r.get("temperature")));
        if (temperature != null) {
            BigDecimal scaled = temperature.setScale(2, RoundingMode.HALF_UP);
            if (scaled.abs().compareTo(new BigDecimal("99.99")) > 0) {
                f.flag("temperature", "temperature out of range, NULL used");
                scaled = null;
            } else if (scaled.compareTo(temperature) != 0) {
                f.flag("temperature", "temperature rounded to 2 decimals");
            }
            temperature = scaled;
        }
        Long maxTokens = f.take("max_tokens", LegacyNumbers.parseInteger(r.get("max_tokens")));
        if (maxTokens != null && (maxTokens > Integer.MAX_VALUE || maxTokens < Integer.MIN_VALUE)) {
            throw new QuarantineException("max_tokens", "max_tokens out of integer range", r.raw("max_tokens"));
        }
        return new PromptRow(r.id(), f.take("user_id", LegacyNumbers.parseInteger(r.get("user_id"))),
                title == null ? "" : title, body == null ? "" : body, f.limited("model", r.text("model"), 100),
                temperature, maxTokens, f.take("is_shared", LegacyBooleans.parse(r.get("is_shared"), false)),
                f.take("created_at", LegacyTimestamps.parseRequired(r.get("created_at"))),
                f.take("updated_at", LegacyTimestamps.parseRequired(r.get("updated_at"))),
                f.take("deleted_at", LegacyTimestamps.parse(r.get("deleted_at"))), f.flags());
    }

    public String checksum() {
        return new RowDigest().add(legacyOwnerId).add(title).add(body).add(model).add(temperature).add(maxTokens)
                .add(shared).add(createdAt).add(updatedAt).add(deletedAt).hex();
    }
}
