package com.zemo.legacy.mapping;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Booleans, roles, e-mails, statuses, progress and numbers in every spelling the monolith wrote. */
class LegacyScalarsTest {
    private static final Instant AS_OF = Instant.parse("2024-10-02T00:00:00Z");
    private static final Duration STALE = Duration.ofHours(24);

    @Test
    void booleansInAllSpellings() {
        for (Object t : new Object[]{1, 1L, "1", "true", "TRUE", " yes ", "Yes", "t", "y", "on", 1.0}) {
            assertThat(LegacyBooleans.parse(t, false)).as(String.valueOf(t)).isEqualTo(Converted.clean(true));
        }
        for (Object f : new Object[]{0, 0L, "0", "false", "False", "no", "NO", "f", "n", "off", ""}) {
            assertThat(LegacyBooleans.parse(f, true)).as(String.valueOf(f)).isEqualTo(Converted.clean(false));
        }
        Converted<Boolean> nullActive = LegacyBooleans.parse(null, true);
        assertThat(nullActive.value()).isTrue();
        assertThat(nullActive.isFlagged()).isTrue();
        assertThat(LegacyBooleans.parse(null, false).value()).isFalse();
        assertThat(LegacyBooleans.parse("maybe", false)).isEqualTo(Converted.flagged(false, "unreadable boolean, legacy default used"));
        assertThat(LegacyBooleans.parse(2, true).isFlagged()).isTrue();
        assertThat(LegacyBooleans.toLegacy(true)).isEqualTo(1);
    }

    @Test
    void roles() {
        assertThat(LegacyRoles.parse("admin")).isEqualTo(Converted.clean("admin"));
        assertThat(LegacyRoles.parse("Admin ")).isEqualTo(Converted.clean("admin"));
        assertThat(LegacyRoles.parse("user")).isEqualTo(Converted.clean("editor"));
        assertThat(LegacyRoles.parse("viewer")).isEqualTo(Converted.clean("viewer"));
        assertThat(LegacyRoles.parse(null)).isEqualTo(Converted.clean("editor"));
        Converted<String> manager = LegacyRoles.parse("manager");
        assertThat(manager.value()).isEqualTo("viewer");
        assertThat(manager.problem()).contains("unknown role");
        assertThat(LegacyRoles.parse("").value()).isEqualTo("viewer");
        assertThat(LegacyRoles.toLegacy("editor")).isEqualTo("user");
        assertThat(LegacyRoles.toLegacy("operator")).isEqualTo("user");
        assertThat(LegacyRoles.toLegacy("admin")).isEqualTo("admin");
    }

    @Test
    void emails() {
        assertThat(LegacyEmails.normalize(" USER3@Example.RU")).isEqualTo(Converted.clean("user3@example.ru"));
        assertThat(LegacyEmails.key(" USER3@EXAMPLE.RU")).isEqualTo(LegacyEmails.key("user3@example.ru"));
        Converted<String> invalid = LegacyEmails.normalize("user5 at example.ru");
        assertThat(invalid.value()).isNull();
        assertThat(invalid.problem()).contains("invalid");
        assertThat(LegacyEmails.normalize("a@b").isFlagged()).isTrue();
        assertThat(LegacyEmails.normalize("  ").problem()).contains("missing");
    }

    @Test
    void finishedStatuses() {
        assertThat(status("done", AS_OF).status()).isEqualTo("completed");
        assertThat(status("DONE", AS_OF).status()).isEqualTo("completed");
        assertThat(status("error", AS_OF).status()).isEqualTo("failed");
        assertThat(status("failed", AS_OF).status()).isEqualTo("failed");
        assertThat(status("canceled", AS_OF).status()).isEqualTo("canceled");
        assertThat(status("cancelled", AS_OF).status()).isEqualTo("canceled");
        assertThat(LegacyStatuses.convert("error", "Timeout 30000ms exceeded", null, AS_OF, STALE).error()).isEqualTo("Timeout 30000ms exceeded");
    }

    @Test
    void unfinishedStatusesDependOnAge() {
        Instant recent = AS_OF.minus(Duration.ofHours(2));
        Instant old = Instant.parse("2020-03-12T06:30:00Z");
        assertThat(status("running", recent).status()).isEqualTo("running");
        assertThat(status("queued", recent).status()).isEqualTo("queued");
        assertThat(status("new", recent).status()).isEqualTo("queued");
        for (String s : new String[]{"running", "queued", "new"}) {
            LegacyStatuses.JobState dead = status(s, old);
            assertThat(dead.status()).isEqualTo("failed");
            assertThat(dead.error()).contains("'" + s + "'").contains("worker died").contains("2020-03-12");
        }
        assertThat(status("running", null).status()).isEqualTo("failed");
        assertThat(LegacyStatuses.convert("running", "earlier error", old, AS_OF, STALE).error()).startsWith("earlier error\n");
    }

    @Test
    void unknownStatusIsFailedAndFlagged() {
        LegacyStatuses.JobState s = status("paused", AS_OF);
        assertThat(s.status()).isEqualTo("failed");
        assertThat(s.problem()).contains("unknown");
        assertThat(status(null, AS_OF).problem()).isNotNull();
        assertThat(LegacyStatuses.toLegacy("completed")).isEqualTo("done");
        assertThat(LegacyStatuses.toLegacy("failed")).isEqualTo("error");
        assertThat(LegacyStatuses.toLegacy("stopped")).isEqualTo("canceled");
        assertThat(LegacyStatuses.toLegacy("queued")).isEqualTo("queued");
    }

    @Test
    void progressInAllSpellings() {
        assertThat(LegacyNumbers.parseProgress(55L)).isEqualTo(Converted.clean(55L));
        assertThat(LegacyNumbers.parseProgress(100)).isEqualTo(Converted.clean(100L));
        assertThat(LegacyNumbers.parseProgress("100")).isEqualTo(Converted.clean(100L));
        assertThat(LegacyNumbers.parseProgress("55%")).isEqualTo(Converted.clean(55L));
        assertThat(LegacyNumbers.parseProgress(" 12,5 %")).isEqualTo(Converted.clean(13L));
        assertThat(LegacyNumbers.parseProgress(null)).isEqualTo(Converted.clean(null));
        assertThat(LegacyNumbers.parseProgress(150).value()).isEqualTo(100L);
        assertThat(LegacyNumbers.parseProgress(150).isFlagged()).isTrue();
        assertThat(LegacyNumbers.parseProgress("half").isFlagged()).isTrue();
    }

    @Test
    void decimalsWithCommasAndIntegersAsText() {
        assertThat(LegacyNumbers.parseDecimal("0,0023").value()).isEqualByComparingTo("0.0023");
        assertThat(LegacyNumbers.parseDecimal(0.0023).value()).isEqualTo(new BigDecimal("0.0023"));
        // A comma beside a dot could be a thousands separator: not guessed, flagged.
        assertThat(LegacyNumbers.parseDecimal("1,234.5").isFlagged()).isTrue();
        assertThat(LegacyNumbers.parseDecimal(3L).value()).isEqualByComparingTo("3");
        assertThat(LegacyNumbers.parseDecimal("n/a").isFlagged()).isTrue();
        assertThat(LegacyNumbers.parseDecimal("").value()).isNull();
        assertThat(LegacyNumbers.parseInteger("7")).isEqualTo(Converted.clean(7L));
        assertThat(LegacyNumbers.parseInteger(7)).isEqualTo(Converted.clean(7L));
        assertThat(LegacyNumbers.parseInteger(7.0)).isEqualTo(Converted.clean(7L));
        assertThat(LegacyNumbers.parseInteger(7.5).isFlagged()).isTrue();
        assertThat(LegacyNumbers.parseInteger("первая").isFlagged()).isTrue();
    }

    private static LegacyStatuses.JobState status(String raw, Instant lastSign) {
        return LegacyStatuses.convert(raw, null, lastSign, AS_OF, STALE);
    }
}
