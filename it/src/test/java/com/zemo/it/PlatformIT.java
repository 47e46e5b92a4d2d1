package com.zemo.it;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformIT {

    @Test
    void healthOpenApiAndMetricsAreServed() {
        Api anon = Api.anonymous();
        Api.Reply health = anon.get("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"UP\"").contains("database").contains("redis");
        assertThat(anon.get("/health/ready").status()).isEqualTo(200);

        Api.Reply openapi = anon.get("/openapi");
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.body()).contains("/api/v1/tokens").contains("/api/v1/me").contains("/api/v1/users/{id}")
                .contains("/api/v1/me/settings/{key}").contains("/api/v1/settings/{key}").contains("Problem").contains("bearer");

        Api.Reply metrics = anon.get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("# TYPE");
        assertThat(anon.get("/api/v1/ping").body()).isEqualTo("{\"status\":\"ok\"}");
    }

    @Test
    void requestIdIsEchoedAndLogged() throws Exception {
        String id = "it-req-" + System.nanoTime();
        Api.Reply r = Api.basic("admin", ZemoServer.ADMIN_PASSWORD).withHeader("X-Request-Id", id).post("/api/v1/tokens", "{\"name\":\"rid\"}");
        assertThat(r.header("X-Request-Id")).isEqualTo(id);
        assertThat(Api.anonymous().get("/api/v1/ping").header("X-Request-Id")).isNotBlank();
        Thread.sleep(300);
        assertThat(ZemoServer.get().allLogs()).contains(id);
        assertThat(Files.list(ZemoServer.get().home().resolve("logs")).map(p -> p.getFileName().toString()).toList())
                .anyMatch(n -> n.startsWith("zemo-it-node")).anyMatch(n -> n.equals("it-node.log"));
    }

    @Test
    void tokenRateLimitAnswers429WithRetryAfter() {
        Api api = Api.bearer(Api.adminToken());
        Api.Reply last = null;
        for (int i = 0; i < ZemoServer.TOKEN_LIMIT_PER_MINUTE + 20; i++) {
            last = api.get("/api/v1/me");
            if (last.status() == 429) {
                break;
            }
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(last.header("Retry-After"))).isPositive();
        // another token of the same user is not affected by this token's limit
        assertThat(Api.bearer(Api.adminToken()).get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void dashboardNeedsLoginAndLoginPageRenders() {
        Api.Reply root = Api.anonymous().get("/app/index.xhtml");
        assertThat(root.status()).isIn(302, 303);
        assertThat(root.header("Location")).contains("/login.xhtml");
        Api.Reply login = Api.anonymous().get("/login.xhtml");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).contains("Sign in").contains("password");
    }
}
