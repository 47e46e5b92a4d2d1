package com.zemo.it;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityApiIT {

    @Test
    void tokenIsShownOnceAndWorksUntilRevoked() {
        Api.Reply created = Api.basic("admin", ZemoServer.ADMIN_PASSWORD).post("/api/v1/tokens", "{\"name\":\"laptop\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).contains("/api/v1/tokens/");
        String token = created.json().getString("token");
        long id = created.json().getJsonNumber("id").longValue();
        assertThat(token).startsWith("zemo_");

        Api api = Api.bearer(token);
        Api.Reply me = api.get("/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().getString("username")).isEqualTo("admin");
        assertThat(me.json().getJsonArray("roles").getString(0)).isEqualTo("admin");
        // API calls are stateless: a Bearer request must not open an HTTP session (one per call piled up and
        // serialised request threads on session-id generation).
        assertThat(me.header("Set-Cookie")).isNull();

        Api.Reply list = api.get("/api/v1/tokens?size=200");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("\"laptop\"").doesNotContain(token);

        assertThat(api.delete("/api/v1/tokens/" + id).status()).isEqualTo(204);
        Api.Reply after = api.get("/api/v1/me");
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.contentType()).startsWith("application/problem+json");
    }

    @Test
    void basicIsOnlyForTokens() {
        Api.Reply r = Api.basic("admin", ZemoServer.ADMIN_PASSWORD).get("/api/v1/me");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().getString("detail")).contains("Bearer");
    }

    @Test
    void adminManagesUsersAndRolesAreEnforced() {
        Api admin = Api.bearer(Api.adminToken());
        String viewerToken = Api.userToken("vera", "viewer-pass-1", "viewer");
        Api viewer = Api.bearer(viewerToken);

        assertThat(viewer.get("/api/v1/me").json().getJsonArray("roles").getString(0)).isEqualTo("viewer");
        Api.Reply forbidden = viewer.get("/api/v1/users");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.contentType()).startsWith("application/problem+json");
        assertThat(viewer.put("/api/v1/settings/llm.url", "{\"value\":\"http://x\"}").status()).isEqualTo(403);

        Api.Reply users = admin.get("/api/v1/users?page=0&size=50");
        assertThat(users.status()).isEqualTo(200);
        assertThat(users.json().getJsonNumber("total").longValue()).isGreaterThanOrEqualTo(2);
        long veraId = users.json().getJsonArray("items").stream().map(v -> v.asJsonObject())
                .filter(o -> o.getString("username").equals("vera")).findFirst().orElseThrow().getJsonNumber("id").longValue();

        Api.Reply patched = admin.patch("/api/v1/users/" + veraId, "{\"roles\":[\"editor\",\"operator\"]}");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.body()).contains("editor").contains("operator");

        assertThat(admin.patch("/api/v1/users/" + veraId, "{\"roles\":[\"manager\"]}").status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/users", "{\"username\":\"vera\",\"password\":\"whatever-1\",\"roles\":[\"viewer\"]}").status()).isEqualTo(409);
        assertThat(admin.post("/api/v1/users", "{\"username\":\"shorty\",\"password\":\"short\",\"roles\":[\"viewer\"]}").status()).isEqualTo(400);

        assertThat(admin.delete("/api/v1/users/" + veraId).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/users/" + veraId).json().getBoolean("active")).isFalse();
        assertThat(viewer.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(Api.basic("vera", "viewer-pass-1").post("/api/v1/tokens", "{\"name\":\"x\"}").status()).isEqualTo(401);
    }

    @Test
    void someoneElsesTokenIsNotFound() {
        String alice = Api.userToken("alice", "alice-pass-1", "editor");
        String bob = Api.userToken("bob", "bob-pass-123", "editor");
        long aliceTokenId = Api.bearer(alice).get("/api/v1/me").json().getJsonNumber("tokenId").longValue();
        Api.Reply r = Api.bearer(bob).delete("/api/v1/tokens/" + aliceTokenId);
        assertThat(r.status()).isEqualTo(404);
        assertThat(Api.bearer(alice).get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void lastAdminCannotBeRemoved() {
        Api admin = Api.bearer(Api.adminToken());
        long adminId = admin.get("/api/v1/me").json().getJsonNumber("id").longValue();
        assertThat(admin.patch("/api/v1/users/" + adminId, "{\"roles\":[\"viewer\"]}").status()).isEqualTo(409);
        assertThat(admin.delete("/api/v1/users/" + adminId).status()).isEqualTo(409);
    }

    @Test
    void migratedUserLogsInWithLegacyPhpHash() throws Exception {
        try (Connection c = ZemoServer.get().db()) {
            long id;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO users (username, email, password_hash, legacy_id) VALUES ('rasmus', 'rasmus@example.com', ?, 4242) RETURNING id")) {
                // The example hash of PHP's password_verify() manual: password "rasmuslerdorf".
                ps.setString(1, "$2y$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a");
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO user_roles (user_id, role) VALUES (?, 'editor')")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
        }
        Api.Reply r = Api.basic("rasmus", "rasmuslerdorf").post("/api/v1/tokens", "{\"name\":\"migrated\"}");
        assertThat(r.status()).isEqualTo(201);
        assertThat(Api.bearer(r.json().getString("token")).get("/api/v1/me").json().getString("username")).isEqualTo("rasmus");
    }

    @Test
    void repeatedFailuresLockTheAccountAndAreAudited() throws Exception {
        Api.userToken("lockme", "lockme-pass-1", "viewer");
        for (int i = 0; i < 5; i++) {
            assertThat(Api.basic("lockme", "wrong-password").post("/api/v1/tokens", "{\"name\":\"x\"}").status()).isEqualTo(401);
        }
        Api.Reply locked = Api.basic("lockme", "lockme-pass-1").post("/api/v1/tokens", "{\"name\":\"x\"}");
        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.json().getString("detail")).contains("locked");
        try (Connection c = ZemoServer.get().db();
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT action, count(*) FROM audit_log WHERE actor = 'lockme' GROUP BY action ORDER BY action")) {
            StringBuilder sb = new StringBuilder();
            while (rs.next()) {
                sb.append(rs.getString(1)).append('=').append(rs.getLong(2)).append(' ');
            }
            assertThat(sb.toString()).contains("login.failed=4").contains("login.locked=2").contains("token.created=1");
        }
    }
}
