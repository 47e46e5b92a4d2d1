package com.zemo.generation.control;

import com.zemo.generation.batch.LlmException;
import com.zemo.generation.batch.LlmRequest.ChatMessage;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The OpenAI chat completions wire format, and nothing else (no I/O): the request body, the answer's text and
 * usage, what an error status means, Retry-After. Any OpenAI-compatible server (vLLM, Ollama, LM Studio,
 * OpenRouter, Azure-style gateways) speaks it.
 */
public final class OpenAiChat {
    private static final int MAX_ERROR_TEXT = 300;

    private OpenAiChat() {
    }

    /** What came back: the text and, if reported, the token usage. */
    public record Answer(String content, int promptTokens, int completionTokens, boolean usageKnown, String finishReason) {
    }

    public static String requestBody(String model, List<ChatMessage> messages, double temperature, int maxTokens) {
        JsonArrayBuilder msgs = Json.createArrayBuilder();
        messages.forEach(m -> msgs.add(Json.createObjectBuilder().add("role", m.role()).add("content", m.content())));
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("model", model)
                .add("messages", msgs)
                .add("temperature", BigDecimal.valueOf(temperature).setScale(2, RoundingMode.HALF_UP))
                .add("max_tokens", maxTokens);
        return b.build().toString();
    }

    /** @throws LlmException (not retryable) if the body is not a chat completion with a text */
    public static Answer parse(String body) {
        JsonObject o;
        try {
            o = Json.createReader(new StringReader(body)).readObject();
        } catch (RuntimeException e) {
            throw new LlmException("the LLM answered 200 with a body that is not JSON", false, 200, e);
        }
        if (!(o.get("choices") instanceof JsonArray choices) || choices.isEmpty()
                || !(choices.get(0) instanceof JsonObject choice)
                || !(choice.get("message") instanceof JsonObject message)
                || !(message.get("content") instanceof JsonString content)) {
            throw new LlmException("the LLM answered 200 without choices[0].message.content", false, 200);
        }
        int in = 0;
        int out = 0;
        boolean known = false;
        if (o.get("usage") instanceof JsonObject usage) {
            in = count(usage, "prompt_tokens");
            out = count(usage, "completion_tokens");
            known = usage.containsKey("prompt_tokens") || usage.containsKey("completion_tokens");
        }
        String finish = choice.get("finish_reason") instanceof JsonString f ? f.getString() : null;
        return new Answer(content.getString(), in, out, known, finish);
    }

    private static int count(JsonObject usage, String k) {
        return usage.get(k) instanceof JsonNumber n ? Math.max(0, n.intValue()) : 0;
    }

    /**
     * The exception for an error status: 408, 409, 429 and 5xx are worth retrying (with the Retry-After, bounded);
     * 400, 401, 403, 404, 422 are not. The provider's own error message is kept, shortened.
     */
    public static LlmException failure(int status, String body, String retryAfterHeader, Duration maxRetryAfter) {
        String what = "the LLM answered HTTP " + status + errorText(body).map(t -> ": " + t).orElse("");
        boolean retry = status == 408 || status == 409 || status == 429 || status >= 500;
        if (retry) {
            return new LlmRetryableException(what, status, retryAfter(retryAfterHeader, maxRetryAfter).orElse(null), null);
        }
        String hint = status == 401 || status == 403 ? " (check the key: your llm.key setting or zemo.llm.key)" : "";
        return new LlmException(what + hint, false, status);
    }

    /** error.message of an OpenAI error body, or a short plain body; never more than 300 characters. */
    static Optional<String> errorText(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        String text;
        try {
            JsonValue v = Json.createReader(new StringReader(body)).readValue();
            if (v instanceof JsonObject o && o.get("error") instanceof JsonObject e && e.get("message") instanceof JsonString m) {
                text = m.getString();
            } else if (v instanceof JsonObject o && o.get("error") instanceof JsonString m) {
                text = m.getString();
            } else {
                text = body;
            }
        } catch (RuntimeException notJson) {
            text = body;
        }
        text = text.replaceAll("\\s+", " ").strip();
        return Optional.of(text.length() > MAX_ERROR_TEXT ? text.substring(0, MAX_ERROR_TEXT) + "…" : text);
    }

    /** Retry-After in seconds or as an HTTP date, at most {@code max}; empty if absent or unreadable. */
    public static Optional<Duration> retryAfter(String header, Duration max) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String h = header.strip();
        Duration d;
        try {
            d = Duration.ofMillis((long) (Double.parseDouble(h) * 1000));
        } catch (NumberFormatException notSeconds) {
            try {
                d = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME));
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        return Optional.of(d.compareTo(max) > 0 ? max : d);
    }
}
