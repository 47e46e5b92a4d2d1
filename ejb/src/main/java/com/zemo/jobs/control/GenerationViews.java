package com.zemo.jobs.control;

import com.zemo.generation.entity.Generation;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** A generated text as JSON, with its usage, cost and score. */
public final class GenerationViews {
    private GenerationViews() {
    }

    public static JsonObject of(Generation g) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("id", g.getId())
                .add("model", JobResults.nz(g.getModel()))
                .add("content", JobResults.nz(g.getContent()));
        if (g.getJobId() != null) {
            b.add("jobId", g.getJobId());
        }
        if (g.getPromptVersionId() != null) {
            b.add("promptVersionId", g.getPromptVersionId());
        }
        if (g.getInputTokens() != null) {
            b.add("inputTokens", g.getInputTokens());
        }
        if (g.getOutputTokens() != null) {
            b.add("outputTokens", g.getOutputTokens());
        }
        if (g.getCostUsd() != null) {
            b.add("costUsd", g.getCostUsd());
        }
        if (g.getScore() != null) {
            b.add("score", g.getScore());
        }
        if (g.getCreatedAt() != null) {
            b.add("createdAt", g.getCreatedAt().toString());
        }
        return b.build();
    }
}
