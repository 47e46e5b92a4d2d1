package com.zemo.it;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Secret settings are ciphertext in PostgreSQL, masked in every response, and never in a log line. */
class SecretsIT {
    private static final String USER_KEY = "sk-proj-it-user-secret-0123456789ABCD";
    private static final String GLOBAL_KEY = "serp-global-secret-value-9876543210WXYZ";

    @Test
    void secretsAreEncryptedMaskedAndNeverLogged() throws Exception {
        String token = Api.adminToken();
        Api admin = Api.bearer(token);

        Api.Reply put = admin.put("/api/v1/me/settings/llm.key", "{\"value\":\"" + USER_KEY + "\"}");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().getString("value")).isEqualTo("sk-…ABCD");
        assertThat(put.json().getBoolean("secret")).isTrue();
        assertThat(put.body()).doesNotContain(USER_KEY);

        Api.Reply global = admin.put("/api/v1/settings/serpapi.key", "{\"value\":\"" + GLOBAL_KEY + "\"}");
        assertThat(global.status()).isEqualTo(200);
        assertThat(global.body()).doesNotContain(GLOBAL_KEY);
        assertThat(admin.put("/api/v1/me/settings/ui.language", "{\"value\":\"ru\"}").json().getString("value")).isEqualTo("ru");

        Api.Reply mine = admin.get("/api/v1/me/settings");
        assertThat(mine.body()).contains("llm.key").contains("ui.language").doesNotContain(USER_KEY);
        assertThat(admin.get("/api/v1/settings").body()).contains("serpapi.key").doesNotContain(GLOBAL_KEY);
        assertThat(admin.get("/api/v1/settings/serpapi.key").body()).doesNotContain(GLOBAL_KEY);

        try (Connection c = ZemoServer.get().db();
             PreparedStatement ps = c.prepareStatement("SELECT value_text, value_enc, value_hint FROM settings WHERE key IN ('llm.key', 'serpapi.key')");
             ResultSet rs = ps.executeQuery()) {
            int rows = 0;
            while (rs.next()) {
                rows++;
                assertThat(rs.getString(1)).isNull();
                byte[] enc = rs.getBytes(2);
                assertThat(enc).isNotEmpty();
                String asText = new String(enc, java.nio.charset.StandardCharsets.ISO_8859_1);
                assertThat(asText).doesNotContain(USER_KEY).doesNotContain(GLOBAL_KEY).doesNotContain("0123456789");
            }
            assertThat(rows).as("this test's two secrets, and any other test's, all encrypted").isGreaterThanOrEqualTo(2);
        }
        try (Connection c = ZemoServer.get().db(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT string_agg(coalesce(details,'') || coalesce(target,''), ' ') FROM audit_log")) {
            rs.next();
            assertThat(rs.getString(1)).doesNotContain(USER_KEY).doesNotContain(GLOBAL_KEY);
        }

        // Ask for failures that might echo input, then search every log file.
        admin.put("/api/v1/me/settings/llm.key", "{\"value\":\"" + USER_KEY + "\", \"oops\": 1}");
        Api.bearer(token + "x").get("/api/v1/me");
        String logs = ZemoServer.get().allLogs();
        assertThat(logs).isNotEmpty();
        assertThat(logs).doesNotContain(USER_KEY).doesNotContain(GLOBAL_KEY).doesNotContain(token)
                .doesNotContain(ZemoServer.ADMIN_PASSWORD);
    }
}
