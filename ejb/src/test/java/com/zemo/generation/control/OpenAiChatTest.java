package com.zemo.generation.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zemo.generation.batch.LlmException;
import com.zemo.generation.batch.LlmRequest.ChatMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenAiChatTest {

    @Test
    void requestHasModelMessagesTemperatureAndMaxTokens() {
        String body = OpenAiChat.requestBody("gpt-4o-mini",
                List.of(ChatMessage.user("Напиши «текст» \"в кавычках\""), ChatMessage.assistant("draft"), ChatMessage.user("revise")), 0.7, 1500);
        JsonObject o = Json.createReader(new StringReader(body)).readObject();
        assertThat(o.getString("model")).isEqualTo("gpt-4o-mini");
        assertThat(o.getJsonArray("messages")).hasSize(3);
        assertThat(o.getJsonArray("messages").getJsonObject(0).getString("role")).isEqualTo("user");
        assertThat(o.getJsonArray("messages").getJsonObject(0).getString("content")).isEqualTo("Напиши «текст» \"в кавычках\"");
        assertThat(o.getJsonArray("messages").getJsonObject(1).getString("role")).isEqualTo("assistant");
        assertThat(o.getJsonNumber("temperature").doubleValue()).isEqualTo(0.7);
        assertThat(o.getInt("max_tokens")).isEqualTo(1500);
    }

    @Test
    void answerTextAndUsageAreRead() {
        OpenAiChat.Answer a = OpenAiChat.parse("""
                {"id":"chatcmpl-1","object":"chat.completion","model":"gpt-4o-mini-2024-07-18",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"# Title\\n\\nText"},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":120,"completion_tokens":80,"total_tokens":200}}""");
        assertThat(a.content()).isEqualTo("# Title\n\nText");
        assertThat(a.promptTokens()).isEqualTo(120);
        assertThat(a.completionTokens()).isEqualTo(80);
        assertThat(a.usageKnown()).isTrue();
        assertThat(a.finishReason()).isEqualTo("stop");
    }

    @Test
    void missingUsageIsZeroAndSaidSo() {
        OpenAiChat.Answer a = OpenAiChat.parse("{\"choices\":[{\"message\":{\"content\":\"x\"}}]}");
        assertThat(a.promptTokens()).isZero();
        assertThat(a.usageKnown()).isFalse();
    }

    @Test
    void malformedAnswersAreNotRetried() {
        assertThatThrownBy(() -> OpenAiChat.parse("<html>")).isInstanceOf(LlmException.class)
                .hasMessageContaining("not JSON").matches(e -> !((LlmException) e).retryable());
        assertThatThrownBy(() -> OpenAiChat.parse("{\"choices\":[]}")).hasMessageContaining("without choices[0].message.content");
    }

    @Test
    void statusDecidesRetryAndTheProviderMessageIsKept() {
        LlmException tooMany = OpenAiChat.failure(429, "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}", "2", Duration.ofSeconds(30));
        assertThat(tooMany).isInstanceOf(LlmRetryableException.class).hasMessage("the LLM answered HTTP 429: Rate limit reached");
        assertThat(((LlmRetryableException) tooMany).retryAfter()).isEqualTo(Duration.ofSeconds(2));
        assertThat(OpenAiChat.failure(503, "upstream down", null, Duration.ofSeconds(30)).retryable()).isTrue();
        LlmException auth = OpenAiChat.failure(401, "{\"error\":{\"message\":\"Incorrect API key provided\"}}", null, Duration.ofSeconds(30));
        assertThat(auth.retryable()).isFalse();
        assertThat(auth).hasMessageContaining("HTTP 401: Incorrect API key provided").hasMessageContaining("llm.key");
        assertThat(OpenAiChat.failure(400, "x".repeat(1000), null, Duration.ofSeconds(30)).getMessage()).hasSizeLessThan(340);
    }

    @Test
    void retryAfterIsSecondsOrADateAndBounded() {
        Duration max = Duration.ofSeconds(30);
        assertThat(OpenAiChat.retryAfter("1", max)).contains(Duration.ofSeconds(1));
        assertThat(OpenAiChat.retryAfter("0.5", max)).contains(Duration.ofMillis(500));
        assertThat(OpenAiChat.retryAfter("3600", max)).contains(max);
        assertThat(OpenAiChat.retryAfter("soon", max)).isEmpty();
        assertThat(OpenAiChat.retryAfter(null, max)).isEmpty();
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().plusSeconds(10));
        assertThat(OpenAiChat.retryAfter(inTenSeconds, max).orElseThrow()).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10));
    }

    @Test
    void backoffGrowsWithJitterAndRetryAfterWinsWhenLonger() {
        // 1 s, 2 s, 4 s ... ±25 %, minus the 500 ms Fault Tolerance waits itself.
        assertThat(LlmCall.extraWait(1, null, 0.5)).isEqualTo(Duration.ofMillis(500));
        assertThat(LlmCall.extraWait(2, null, 0.5)).isEqualTo(Duration.ofMillis(1500));
        assertThat(LlmCall.extraWait(3, null, 0.0)).isEqualTo(Duration.ofMillis(2500));
        assertThat(LlmCall.extraWait(3, null, 1.0)).isEqualTo(Duration.ofMillis(4500));
        assertThat(LlmCall.extraWait(20, null, 0.5)).isEqualTo(Duration.ofMillis(15500));
        assertThat(LlmCall.extraWait(1, Duration.ofSeconds(5), 0.5)).isEqualTo(Duration.ofMillis(4500));
        assertThat(LlmCall.extraWait(3, Duration.ofMillis(100), 0.5)).isEqualTo(Duration.ofMillis(3500));
    }

    @Test
    void providerNeverShowsItsKey() {
        LlmProvider p = new LlmProvider("primary", "https://user:pw@api.example.com/v1/", "sk-secret-123456", "gpt-4o-mini");
        assertThat(p.completionsUri().toString()).endsWith("/v1/chat/completions");
        assertThat(p.toString()).doesNotContain("sk-secret").doesNotContain("pw").contains("key set");
        assertThat(p.where()).isEqualTo("https://api.example.com/v1/chat/completions");
    }
}
