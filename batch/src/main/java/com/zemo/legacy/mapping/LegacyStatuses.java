package com.zemo.legacy.mapping;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Monolith task statuses → Zemo job statuses, with what they really are.
 * <ul>
 *   <li>{@code done}, {@code DONE}, {@code completed} → completed;</li>
 *   <li>{@code error}, {@code failed} → failed;</li>
 *   <li>{@code canceled}, {@code cancelled} → canceled;</li>
 *   <li>{@code new}, {@code queued}, {@code running}: while recent (last sign of life within
 *       {@code staleAfter} before the import's as-of time) → queued / queued / running; older → failed,
 *       with an error saying that the monolith's worker died: nothing will ever finish them;</li>
 *   <li>anything else → failed, flagged.</li>
 * </ul>
 */
public final class LegacyStatuses {
    public static final Duration DEFAULT_STALE_AFTER = Duration.ofHours(24);

    private LegacyStatuses() {
    }

    /** The converted status, the error text to store, and a flag reason when the status was unknown. */
    public record JobState(String status, String error, String problem) {
    }

    /**
     * @param lastSignOfLife started_at or else created_at of the task; null counts as stale
     */
    public static JobState convert(String raw, String legacyError, Instant lastSignOfLife, Instant asOf, Duration staleAfter) {
        String s = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
        switch (s) {
            case "done", "completed", "success" -> {
                return new JobState("completed", legacyError, null);
            }
            case "error", "failed" -> {
                return new JobState("failed", legacyError, null);
            }
            case "canceled", "cancelled" -> {
                return new JobState("canceled", legacyError, null);
            }
            case "new", "queued", "running" -> {
                boolean stale = lastSignOfLife == null || lastSignOfLife.isBefore(asOf.minus(staleAfter));
                if (!stale) {
                    return new JobState(s.equals("running") ? "running" : "queued", legacyError, null);
                }
                String died = "legacy task left '" + s + "' since "
                        + (lastSignOfLife == null ? "an unknown time" : lastSignOfLife.toString())
                        + ": the monolith's worker died; marked failed on import";
                return new JobState("failed", legacyError == null || legacyError.isBlank() ? died : legacyError + "\n" + died, null);
            }
            default -> {
                return new JobState("failed", legacyError, "unknown task status, failed used");
            }
        }
    }

    /** Zemo status → the monolith's canonical spelling. */
    public static String toLegacy(String zemoStatus) {
        return switch (zemoStatus) {
            case "completed" -> "done";
            case "failed" -> "error";
            case "canceled", "stopped" -> "canceled";
            case "running" -> "running";
            default -> "queued";
        };
    }
}
