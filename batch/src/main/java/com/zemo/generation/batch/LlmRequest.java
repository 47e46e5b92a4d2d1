package com.zemo.generation.batch;

import java.util.List;

/**
 * A chat completion to make.
 *
 * @param userId      whose own {@code llm.key} to use (null: the global key)
 * @param model       model name (null: the configured default)
 * @param messages    the conversation
 * @param temperature sampling temperature (null: configured default)
 * @param maxTokens   output token limit (null: configured default)
 * @param log         where each external call is described (the job's live log)
 */
public record LlmRequest(Long userId, String model, List<ChatMessage> messages, Double temperature, Integer maxTokens,
                         CallLog log) {

    public LlmRequest {
        messages = List.copyOf(messages);
        log = log == null ? CallLog.NONE : log;
    }

    /** One message of the conversation; role is system, user or assistant. */
    public record ChatMessage(String role, String content) {
        public static ChatMessage user(String content) {
            return new ChatMessage("user", content);
        }

        public static ChatMessage assistant(String content) {
            return new ChatMessage("assistant", content);
        }
    }

    /** Receives one line per external call (never a key, never the prompt text). */
    @FunctionalInterface
    public interface CallLog {
        CallLog NONE = (level, message) -> { };

        void line(String level, String message);
    }
}
