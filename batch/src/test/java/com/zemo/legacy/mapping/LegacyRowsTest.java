package com.zemo.legacy.mapping;

import com.zemo.legacy.source.LegacyTable;
import com.zemo.legacy.source.SourceRow;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Whole-row conversions: what is flagged, what is quarantined. */
class LegacyRowsTest {
    private static final MappingRules RULES = new MappingRules(Instant.parse("2024-10-02T00:00:00Z"), Duration.ofHours(24));

    @Test
    void userKeepsPhpHashAndFlagsUnknownRoleAndInvalidEmail() throws Exception {
        String hash = "$2y$10$" + "a".repeat(53);
        UserRow u = UserRow.fromSource(row(LegacyTable.USERS, 7, "user7 at example.ru", "Имя", hash, "manager", "no", "", null));
        assertThat(u.passwordHash()).isEqualTo(hash);
        assertThat(u.email()).isNull();
        assertThat(u.legacyEmail()).isEqualTo("user7 at example.ru");
        assertThat(u.username()).isEqualTo("legacy-user-7");
        assertThat(u.role()).isEqualTo("viewer");
        assertThat(u.active()).isFalse();
        assertThat(u.createdAt()).isEqualTo(Instant.EPOCH);
        assertThat(u.flags()).extracting(Flag::column).containsExactlyInAnyOrder("email", "role", "created_at");
        assertThatThrownBy(() -> UserRow.fromSource(row(LegacyTable.USERS, 8, null, null, null, "user", 1, null, null)))
                .isInstanceOf(QuarantineException.class);
    }

    @Test
    void settingIsSecretByKeyAndItsChecksumHoldsNoClearText() throws Exception {
        SettingRow s = SettingRow.fromSource(row(LegacyTable.SETTINGS, 1, 4L, "openai_api_key", "sk-abcdefabcdefabcdef1234", "2024-01-01 00:00:00"));
        assertThat(s.secret()).isTrue();
        assertThat(s.hint()).isEqualTo("sk-…1234");
        SettingRow older = SettingRow.fromSource(row(LegacyTable.SETTINGS, 2, 4L, "openai_api_key", "sk-x", "2023-01-01 00:00:00"));
        assertThat(s.supersedes(older.updatedAt(), older.legacyId())).isTrue();
        assertThat(older.supersedes(s.updatedAt(), s.legacyId())).isFalse();
        assertThat(SettingRow.fromSource(row(LegacyTable.SETTINGS, 3, null, "language", "RU", null)).secret()).isFalse();
    }

    @Test
    void promptKeepsSoftDeleteAndReadsCommaTemperature() throws Exception {
        PromptRow p = PromptRow.fromSource(row(LegacyTable.PROMPTS, 1, 9L, null, null, "gpt-4o", "0,7", "2000", "yes",
                "2020-02-02 00:00:00", "2020-02-03 00:00:00", "04.02.2020 12:00"));
        assertThat(p.title()).isEmpty();
        assertThat(p.body()).isEmpty();
        assertThat(p.temperature()).isEqualByComparingTo("0.7");
        assertThat(p.maxTokens()).isEqualTo(2000L);
        assertThat(p.shared()).isTrue();
        assertThat(p.deletedAt()).isEqualTo(Instant.parse("2020-02-04T09:00:00Z"));
    }

    @Test
    void taskConversions() throws Exception {
        TaskRow t = TaskRow.fromSource(row(LegacyTable.TASKS, 5, 1L, 2L, "scrape", "running", "окна", "{\"k\": \"ок",
                "null", null, "55%", "12.03.2020 09:30", null, null), RULES);
        assertThat(t.status()).isEqualTo("failed");
        assertThat(t.error()).contains("worker died");
        assertThat(t.paramsJson()).isNull();
        assertThat(t.paramsRaw()).isEqualTo("{\"k\": \"ок");
        assertThat(t.resultJson()).isNull();
        assertThat(t.progressDone()).isEqualTo(55);
        assertThat(t.progressTotal()).isEqualTo(100);
        assertThat(t.flags()).extracting(Flag::column).contains("params");
        TaskRow noProgress = TaskRow.fromSource(row(LegacyTable.TASKS, 6, 1L, null, "serp", "DONE", "k", "{}", "{\"ok\":true}",
                null, null, 1600000000L, 1600000002L, 1600000009L), RULES);
        assertThat(noProgress.status()).isEqualTo("completed");
        assertThat(noProgress.progressTotal()).isNull();
        assertThatThrownBy(() -> TaskRow.fromSource(row(LegacyTable.TASKS, 7, 1L, null, null, "done", "k", "{}", null, null,
                100, null, null, null), RULES)).isInstanceOf(QuarantineException.class).hasMessageContaining("type");
    }

    @Test
    void serpPositionAsTextAndGenerationCostWithComma() throws Exception {
        SerpResultRow s = SerpResultRow.fromSource(row(LegacyTable.SERP_RESULTS, 1, 3L, "yandex", "q", "213", "7", "u", "t", "s", "2024-01-01 00:00:00"));
        assertThat(s.position()).isEqualTo(7L);
        SerpResultRow bad = SerpResultRow.fromSource(row(LegacyTable.SERP_RESULTS, 2, 3L, "yandex", "q", "213", "первая", "u", "t", "s", "2024-01-01 00:00:00"));
        assertThat(bad.position()).isNull();
        assertThat(bad.flags()).extracting(Flag::raw).containsExactly("первая");
        GenerationRow g = GenerationRow.fromSource(row(LegacyTable.GENERATIONS, 1, 3L, 99L, "gpt-4", 100, "200", "0,0023", "text", "2024-01-01 00:00:00"));
        assertThat(g.costUsd()).isEqualTo(new BigDecimal("0.002300"));
        assertThat(g.outputTokens()).isEqualTo(200L);
    }

    @Test
    void taskLogLevelIsLowerCased() throws Exception {
        TaskLogRow l = TaskLogRow.fromSource(row(LegacyTable.TASK_LOGS, 1, 77777L, "INFO", "Задача удалена", null));
        assertThat(l.level()).isEqualTo("info");
        assertThat(l.legacyJobId()).isEqualTo(77777L);
        assertThat(l.at()).isEqualTo(Instant.EPOCH);
    }

    @Test
    void nulInTextQuarantinesTheRow() {
        SourceRow r = row(LegacyTable.TASK_LOGS, 9, 1L, "info", "bad\u0000byte", "2024-01-01 00:00:00");
        assertThat(SourceChecksums.of(r, RULES).quarantined()).isTrue();
        assertThatThrownBy(() -> NulGuard.check(r)).isInstanceOf(QuarantineException.class).hasMessageContaining("NUL");
    }

    private static SourceRow row(LegacyTable table, long id, Object... values) {
        assertThat(values).hasSize(table.columns().size());
        return new SourceRow(table, id, values);
    }
}
