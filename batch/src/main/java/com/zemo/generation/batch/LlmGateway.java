package com.zemo.generation.batch;

/**
 * The LLM as the generate step sees it. Implemented in the ejb module (OpenAI-compatible chat completions with
 * fault tolerance, rate limit and the caller's key): batch artifacts cannot see ejb classes, so they call this
 * interface and CDI supplies the bean.
 */
public interface LlmGateway {

    /**
     * One chat completion, retried and failed over as configured.
     * @throws LlmException when no provider gave an answer
     */
    LlmReply complete(LlmRequest request);
}
