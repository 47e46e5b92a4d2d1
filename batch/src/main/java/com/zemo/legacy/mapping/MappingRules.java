package com.zemo.legacy.mapping;

import java.time.Duration;
import java.time.Instant;

/**
 * What a conversion depends on besides the row: the instant the import treats as "now" (fixed for a run
 * and kept in its checkpoint, so a resumed run converts exactly as an uninterrupted one) and how old an
 * unfinished legacy task must be to count as abandoned.
 */
public record MappingRules(Instant asOf, Duration staleAfter) {
    public MappingRules {
        if (asOf == null || staleAfter == null || staleAfter.isNegative()) {
            throw new IllegalArgumentException("asOf and a non-negative staleAfter are required");
        }
    }
}
