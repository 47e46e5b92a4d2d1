package com.zemo.analysis.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import com.zemo.analysis.control.AnalysisService;
import com.zemo.analysis.engine.brief.Brief;
import com.zemo.analysis.engine.score.ContentScore;
import com.zemo.analysis.entity.Analysis;
import com.zemo.identity.boundary.CurrentCaller;
import com.zemo.platform.ZemoException;
import com.zemo.platform.boundary.Problem;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


@ApplicationScoped
@Path("analyses")
@Tag(name = "results")
@Produces(MediaType.APPLICATION_JSON)
public class AnalysesResource {
    static final String MARKDOWN = "text/markdown";

    @Inject
    CurrentCaller current;

    @EJB
    AnalysisService analyses;

    @Schema(name = "ScoreRequest")
    public record ScoreRequest(
            @Schema(description = "The text to score (Markdown headings count as headings)", example = "# Как выбрать пластиковые окна\n\nПрофиль…") String text,
            @Schema(description = "Its <title>, if it has one") String title) {
    }

    @GET
    @Path("{id}")
    @Operation(summary = "An analysis: keyword, brief, per-page metrics and the competitor analysis (with excluded pages and why)")
    @APIResponse(responseCode = "404", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public JsonObject get(@PathParam("id") long id) {
        Analysis a = analyses.get(current.get(), id);
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", a.getId()).add("keyword", a.getKeyword() == null ? "" : a.getKeyword());
        if (a.getJobId() != null) {
            b.add("jobId", a.getJobId());
        }
        b.add("brief", parse(a.getBrief())).add("data", parse(a.getData()));
        if (a.getDataRaw() != null) {
            b.add("dataRaw", a.getDataRaw());
        }
        return b.build();
    }

    @GET
    @Path("{id}/brief")
    @Produces({MediaType.APPLICATION_JSON, MARKDOWN, MediaType.TEXT_HTML, com.zemo.analysis.engine.brief.DocxBriefRenderer.MEDIA_TYPE})
    @Operation(summary = "The brief for a writer: JSON, Markdown, HTML or Word (by Accept, or ?format=json|md|html|docx)")
    @APIResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Brief.class)),
            @Content(mediaType = MARKDOWN, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "404", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response brief(@PathParam("id") long id,
                          @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "md", "html", "docx"})) @QueryParam("format") String format,
                          @jakarta.ws.rs.core.Context HttpHeaders headers) {
        String f = format != null ? format : fromAccept(headers);
        var caller = current.get();
        return switch (f) {
            case "md", "markdown" -> Response.ok(analyses.markdown(caller, id), MARKDOWN + ";charset=UTF-8")
                    .header("Content-Disposition", "inline; filename=\"brief-" + id + ".md\"").build();
            case "html" -> Response.ok(analyses.html(caller, id), MediaType.TEXT_HTML + ";charset=UTF-8").build();
            case "json" -> Response.ok(analyses.brief(caller, id), MediaType.APPLICATION_JSON).build();
            case "docx" -> Response.ok(analyses.docx(caller, id), com.zemo.analysis.engine.brief.DocxBriefRenderer.MEDIA_TYPE)
                    .header("Content-Disposition", "attachment; filename=\"brief-" + id + ".docx\"").build();
            default -> throw ZemoException.invalid("format must be json, md, html or docx");
        };
    }

    @POST
    @Path("{id}/score")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Score any text against the brief: 0–100 with what to add, what to cut, the length gap and keyword placement")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ContentScore.class),
            examples = @ExampleObject(name = "score", value = "{\"score\": 64, \"words\": 812, \"lengthGap\": 388, \"recommendations\": [\"Use these terms: стеклопакет, профиль\"]}")))
    @APIResponse(responseCode = "400", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ContentScore score(@PathParam("id") long id, ScoreRequest body) {
        if (body == null) {
            throw ZemoException.invalid("a JSON body {\"text\": …} is required");
        }
        return analyses.score(current.get(), id, body.text(), body.title());
    }

    private static String fromAccept(HttpHeaders headers) {
        for (MediaType m : headers.getAcceptableMediaTypes()) {
            if (m.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !m.isWildcardType()) {
                return "json";
            }
            if (m.toString().startsWith(MARKDOWN)) {
                return "md";
            }
            if (m.isCompatible(MediaType.TEXT_HTML_TYPE) && !m.isWildcardType()) {
                return "html";
            }
            if (m.toString().startsWith(com.zemo.analysis.engine.brief.DocxBriefRenderer.MEDIA_TYPE)) {
                return "docx";
            }
        }
        return "json";
    }

    private static JsonValue parse(String json) {
        return com.zemo.platform.JsonText.parse(json);
    }
}
