package com.zemo.generation.control;

import java.net.URI;

/**
 * An OpenAI-compatible endpoint with the key and model to use there. {@link #toString} leaves the key out: a
 * provider may end up in a log line or an exception.
 *
 * @param name  "primary" or "fallback"
 * @param baseUrl e.g. https://api.openai.com/v1 (chat/completions is appended)
 * @param key   bearer key, or null for servers without one (self-hosted)
 * @param model model to ask for
 */
public record LlmProvider(String name, String baseUrl, String key, String model) {

    public URI completionsUri() {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return URI.create(base + "/chat/completions");
    }

    /** scheme://host[:port]/path, without user info or query: what a log line may show. */
    public String where() {
        URI u = completionsUri();
        return u.getScheme() + "://" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "") + u.getPath();
    }

    @Override
    public String toString() {
        return "LlmProvider[" + name + " " + where() + " model=" + model + (key == null ? ", no key" : ", key set") + "]";
    }
}
