package com.zemo.settings.control;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyCheckTest {
    private static final String KEY = "sk-secret-0123456789abcdef";

    @Test
    void serpApiAccountGivesPlanAndCreditsButNeverTheKeyItEchoes() {
        KeyCheck c = KeyCheck.serpApi(200, "{\"account_id\":\"1\",\"api_key\":\"" + KEY + "\",\"account_email\":\"a@b.c\","
                + "\"plan_name\":\"Developer\",\"total_searches_left\":4321}", KEY);
        assertThat(c.ok()).isTrue();
        assertThat(c.detail()).isEqualTo("plan Developer, 4321 searches left").doesNotContain(KEY).doesNotContain("a@b.c");
    }

    @Test
    void serpApiRefusalGivesTheReason() {
        KeyCheck c = KeyCheck.serpApi(401, "{\"error\":\"Invalid API key. Your API key should be here: https://serpapi.com/manage-api-key\"}", KEY);
        assertThat(c.ok()).isFalse();
        assertThat(c.detail()).startsWith("HTTP 401: Invalid API key.");
    }

    @Test
    void serpApiErrorInA200IsARefusal() {
        assertThat(KeyCheck.serpApi(200, "{\"error\":\"Your account has run out of searches.\"}", KEY).ok()).isFalse();
    }

    @Test
    void llmModelsAreCounted() {
        KeyCheck c = KeyCheck.llm(200, "{\"object\":\"list\",\"data\":[{\"id\":\"a\"},{\"id\":\"b\"}]}", KEY);
        assertThat(c.ok()).isTrue();
        assertThat(c.detail()).isEqualTo("2 model(s) available");
    }

    @Test
    void llmRefusalGivesOpenAisMessageWithTheKeyCutOut() {
        KeyCheck c = KeyCheck.llm(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + ".\",\"type\":\"invalid_request_error\"}}", KEY);
        assertThat(c.ok()).isFalse();
        assertThat(c.detail()).isEqualTo("HTTP 401: Incorrect API key provided: ….").doesNotContain(KEY);
    }

    @Test
    void notJsonStillGivesTheStatus() {
        assertThat(KeyCheck.llm(502, "<html>bad gateway</html>", KEY).detail()).isEqualTo("HTTP 502");
    }
}
