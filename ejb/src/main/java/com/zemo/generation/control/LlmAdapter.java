package com.zemo.generation.control;

import com.zemo.generation.batch.LlmException;
import com.zemo.generation.batch.LlmGateway;
import com.zemo.generation.batch.LlmReply;
import com.zemo.generation.batch.LlmRequest;
import com.zemo.platform.ZemoConfig;
import com.zemo.settings.control.SettingsService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The OpenAI-compatible LLM for the generate step: picks the key (the user's own {@code llm.key} setting, else
 * {@code zemo.llm.key}), the model, and the fallback provider, and hands the call to {@link LlmCalls}.
 */
@ApplicationScoped
public class LlmAdapter implements LlmGateway {
    private static final Logger LOG = Logger.getLogger(LlmAdapter.class.getName());
    static final String USER_KEY_SETTING = "llm.key";

    @Inject
    ZemoConfig config;

    @Inject
    LlmCalls calls;

    @EJB
    SettingsService settings;

    @Override
    public LlmReply complete(LlmRequest request) {
        ZemoConfig.Llm llm = config.llm();
        String model = request.model() == null || request.model().isBlank() ? llm.model() : request.model().strip();
        LlmProvider primary = new LlmProvider("primary", llm.url(), key(request.userId()).orElse(null), model);
        LlmProvider fallback = llm.fallbackUrl()
                .map(url -> new LlmProvider("fallback", url, llm.fallbackKey().orElse(null), llm.fallbackModel().orElse(model)))
                .orElse(null);
        try {
            return calls.primary(new LlmCall(request, primary, fallback));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException("interrupted while calling the LLM", false, 0, e);
        } catch (LlmException e) {
            throw e;
        } catch (RuntimeException e) {
            // Fault Tolerance's own exceptions if the fallback itself was skipped.
            throw new LlmException("the LLM call failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), false, 0, e);
        }
    }

    /** The user's own key, else the configured one. Decrypted here, used in one header, never logged. */
    Optional<String> key(Long userId) {
        if (userId != null && config.hasSecretsKey()) {
            try {
                Optional<String> own = settings.effectiveSecret(userId, USER_KEY_SETTING).map(String::strip).filter(s -> !s.isEmpty());
                if (own.isPresent()) {
                    return own;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not read the llm.key setting of user " + userId + "; using zemo.llm.key ("
                        + e.getClass().getSimpleName() + ")");
            }
        }
        return config.llm().key();
    }
}
