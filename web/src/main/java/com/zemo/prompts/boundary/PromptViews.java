package com.zemo.prompts.boundary;

import com.zemo.prompts.control.PromptService;
import com.zemo.prompts.entity.Prompt;
import com.zemo.prompts.entity.PromptVersion;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * What the prompts API reads and writes. Titles and bodies are data: returned exactly as stored (JSON-escaped by
 * the JSON writer); escaping for HTML is the UI's job.
 */
public final class PromptViews {
    private PromptViews() {
    }

    @Schema(name = "PromptInput", description = "A prompt to create, or the fields of a new version (absent fields keep the current value)")
    public record Input(
            @Schema(maxLength = PromptService.MAX_TITLE, example = "Статья по брифу") String title,
            @Schema(maxLength = PromptService.MAX_BODY, description = "Template with placeholders: {{keyword}}, {{terms}} (legacy {{lsi}}), "
                    + "{{headings}}, {{length}}, {{length.min}}, {{length.max}}, {{questions}}, {{brief}}, {{title}}, {{h1}}, {{language}}, "
                    + "{{pages.count}}, {{pages.titles}}, {{pages.urls}}",
                    example = "Напиши статью «{{keyword}}» на {{length}} слов. Используй: {{terms}}. План: {{headings}}") String body,
            @Schema(maxLength = PromptService.MAX_MODEL, example = "gpt-4o-mini") String model,
            @Schema(minimum = "0", maximum = "2", example = "0.7") BigDecimal temperature,
            @Schema(minimum = "1", maximum = "200000", example = "2048") Integer maxTokens,
            Boolean shared) {
        PromptService.Draft draft() {
            return new PromptService.Draft(title, body, model, temperature, maxTokens, shared);
        }
    }

    @Schema(name = "PromptSummary")
    public record Summary(long id, String title, Long ownerId, boolean shared, boolean deleted, int currentVersion,
                          OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime deletedAt) {
        static Summary of(Prompt p) {
            return new Summary(p.getId(), p.getTitle(), p.getOwnerId(), p.isShared(), p.isDeleted(), p.getCurrentVersion(),
                    p.getCreatedAt(), p.getUpdatedAt(), p.getDeletedAt());
        }
    }

    @Schema(name = "PromptVersion", description = "One immutable version; jobs record the id of the version they used")
    public record Version(long id, int version, String body, String model, BigDecimal temperature, Integer maxTokens,
                          OffsetDateTime createdAt, Long createdBy) {
        static Version of(PromptVersion v) {
            return new Version(v.getId(), v.getVersion(), v.getBody(), v.getModel(), v.getTemperature(), v.getMaxTokens(),
                    v.getCreatedAt(), v.getCreatedBy());
        }
    }

    @Schema(name = "PromptVersionSummary")
    public record VersionSummary(long id, int version, String model, OffsetDateTime createdAt, Long createdBy) {
        static VersionSummary of(PromptVersion v) {
            return new VersionSummary(v.getId(), v.getVersion(), v.getModel(), v.getCreatedAt(), v.getCreatedBy());
        }
    }

    @Schema(name = "Prompt", description = "A prompt with its current version and the list of all versions")
    public record Detail(long id, String title, Long ownerId, boolean shared, boolean deleted, int currentVersion,
                         OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime deletedAt,
                         Version current, List<VersionSummary> versions) {
        static Detail of(PromptService.Detail d) {
            Prompt p = d.prompt();
            return new Detail(p.getId(), p.getTitle(), p.getOwnerId(), p.isShared(), p.isDeleted(), p.getCurrentVersion(),
                    p.getCreatedAt(), p.getUpdatedAt(), p.getDeletedAt(), Version.of(d.current()),
                    d.versions().stream().map(VersionSummary::of).toList());
        }
    }

    @Schema(name = "PromptPreviewRequest", description = "Render with a job's data (its analysis or params), an analysis, and/or "
            + "values by placeholder name (these win); version defaults to the current one")
    public record PreviewRequest(Long jobId, Long analysisId, Map<String, String> values, Integer version) {
    }

    @Schema(name = "PromptPreview")
    public record PreviewView(@Schema(description = "The text the LLM would receive") String text, int version,
                              @Schema(description = "Placeholders the body uses") List<String> placeholders,
                              @Schema(description = "Placeholders that had no value and rendered empty") List<String> empty,
                              Long analysisId, String keyword) {
        static PreviewView of(PromptService.Preview p) {
            return new PreviewView(p.text(), p.version(), p.placeholders(), p.empty(), p.analysisId(), p.keyword());
        }
    }
}
