package com.zemo.generation.batch;

/**
 * What the LLM answered.
 *
 * @param content      choices[0].message.content
 * @param inputTokens  usage.prompt_tokens (0 if the provider did not say)
 * @param outputTokens usage.completion_tokens (0 if the provider did not say)
 * @param usageKnown   whether the provider reported usage at all
 * @param model        the model asked for (what prices are looked up by)
 * @param provider     "primary" or "fallback"
 * @param durationMs   wall time including retries and waits
 */
public record LlmReply(String content, int inputTokens, int outputTokens, boolean usageKnown, String model,
                       String provider, long durationMs) {
}
