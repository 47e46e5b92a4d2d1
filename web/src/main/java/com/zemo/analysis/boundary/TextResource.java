package com.zemo.analysis.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import com.zemo.analysis.batch.AnalysisEngines;
import com.zemo.analysis.engine.morphology.LemmatizationResult;
import com.zemo.platform.ZemoException;
import com.zemo.platform.boundary.Problem;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationScoped
@Path("text")
@Tag(name = "text", description = "Text tools: lemmas and parts of speech, Russian and English")
@Produces(MediaType.APPLICATION_JSON)
public class TextResource {
    static final int MAX_TEXT = 100_000;

    @Inject
    AnalysisEngines engines;

    @Schema(name = "LemmaRequest")
    public record LemmaRequest(@Schema(example = "Мою раму мою я сам") String text,
                               @Schema(description = "ru, en or auto (default: by script)", example = "ru") String language) {
    }

    @POST
    @Path("lemmas")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every token with its lemma and part of speech (the reading chosen from the neighbouring words), plus lemma frequencies")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = LemmatizationResult.class),
            examples = @ExampleObject(name = "ru", value = "{\"language\": \"ru\", \"tokens\": [{\"text\": \"Мою\", \"lemma\": \"мыть\", \"pos\": \"VERB\"}], \"lemmaFrequencies\": {\"мыть\": 2}}")))
    @APIResponse(responseCode = "400", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public LemmatizationResult lemmas(LemmaRequest body) {
        if (body == null || body.text() == null) {
            throw ZemoException.invalid("text is required");
        }
        if (body.text().length() > MAX_TEXT) {
            throw ZemoException.invalid("text must be at most " + MAX_TEXT + " characters");
        }
        try {
            return engines.lemmatizer().lemmatize(body.text(), body.language());
        } catch (IllegalArgumentException e) {
            throw ZemoException.invalid(e.getMessage());
        }
    }
}
