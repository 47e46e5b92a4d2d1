package com.zemo.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of bad request gets a clear 4xx problem+json, never a 500 or an HTML page. */
class BadInputIT {
    static Api admin;

    @BeforeAll
    static void token() {
        admin = Api.bearer(Api.adminToken());
    }

    private static void assertProblem(Api.Reply r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().getInt("status")).isEqualTo(status);
        assertThat(r.json().getString("title")).isNotBlank();
        assertThat(r.json().getString("requestId")).isNotBlank();
    }

    @Test
    void unauthenticated() {
        assertProblem(Api.anonymous().get("/api/v1/me"), 401);
        assertProblem(Api.bearer("zemo_not-a-real-token").get("/api/v1/me"), 401);
        assertProblem(Api.anonymous().withHeader("Authorization", "Digest abc").get("/api/v1/me"), 401);
        assertProblem(Api.anonymous().withHeader("Authorization", "Basic !!!").post("/api/v1/tokens", "{}"), 401);
        assertThat(Api.anonymous().get("/api/v1/me").header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void malformedJsonWrongTypesAndUnknownFields() {
        assertProblem(admin.post("/api/v1/users", "{\"username\":"), 400);
        assertProblem(admin.post("/api/v1/users", "{\"username\":5,\"password\":[],\"roles\":\"x\"}"), 400);
        assertProblem(admin.post("/api/v1/users", "{\"username\":\"u1\",\"password\":\"long-enough-1\",\"roles\":[\"viewer\"],\"isAdmin\":true}"), 400);
        assertProblem(admin.post("/api/v1/users", "[]"), 400);
        assertProblem(admin.post("/api/v1/users", ""), 400);
        assertProblem(admin.post("/api/v1/tokens", "{\"name\":\"\"}"), 400);
        assertProblem(admin.put("/api/v1/me/settings/BAD%20KEY", "{\"value\":\"x\"}"), 400);
        assertProblem(admin.put("/api/v1/me/settings/ok.key", "{}"), 400);
    }

    @Test
    void badPagingAndIds() {
        assertProblem(admin.get("/api/v1/users?size=0"), 400);
        assertProblem(admin.get("/api/v1/users?size=201"), 400);
        assertProblem(admin.get("/api/v1/users?page=-1"), 400);
        assertProblem(admin.get("/api/v1/users?page=abc"), 400);
        assertProblem(admin.get("/api/v1/users/abc"), 404);
        assertProblem(admin.get("/api/v1/users/999999"), 404);
        assertProblem(admin.get("/api/v1/no-such-thing"), 404);
    }

    @Test
    void wrongMethodAndMediaType() {
        assertProblem(admin.delete("/api/v1/me"), 405);
        assertProblem(admin.send("POST", "/api/v1/users", "username=x", "application/x-www-form-urlencoded"), 415);
    }

    @Test
    void bodiesOverOneMegabyteAreRefused() {
        String big = "{\"username\":\"" + "a".repeat(1_100_000) + "\"}";
        assertProblem(admin.post("/api/v1/users", big), 413);
    }
}
