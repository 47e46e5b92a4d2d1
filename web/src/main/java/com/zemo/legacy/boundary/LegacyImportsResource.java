package com.zemo.legacy.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import com.zemo.identity.boundary.CurrentCaller;
import com.zemo.identity.entity.Role;
import com.zemo.jobs.control.JobTypes;
import com.zemo.jobs.entity.Job;
import com.zemo.legacy.control.LegacyMigrationService;
import com.zemo.platform.ZemoException;
import com.zemo.platform.boundary.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

/**
 * The legacy migration for admins: the import and export jobs (they run on the jobs machinery, so
 * {@code /api/v1/jobs/{id}} with its log, events, stop and restart works on them too), the reconciliation
 * report and the quarantine of an import.
 */
@ApplicationScoped
@Path("admin/legacy-imports")
@Tag(name = "legacy", description = "Legacy migration: SQLite import with reconciliation report and quarantine, delta sync, export back")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
@APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class LegacyImportsResource {

    @Schema(name = "LegacyImportRequest")
    public record ImportRequest(@Schema(required = true, description = "Absolute path of the monolith's SQLite file on the server",
                                        example = "/srv/zemo/legacy/monolith.sqlite") String path,
                                @Schema(enumeration = {"full", "delta"}, defaultValue = "full",
                                        description = "full: first import; delta: a newer copy, only new and changed rows are applied") String mode,
                                @Schema(defaultValue = "false", description = "Convert and compare only; the job's result lists what would change") Boolean dryRun) {
    }

    @Schema(name = "LegacyExportRequest")
    public record ExportRequest(@Schema(required = true, description = "Absolute path of the new SQLite file on the server; must not exist",
                                        example = "/srv/zemo/legacy/back.sqlite") String path) {
    }

    @Schema(name = "LegacyJob", description = "A legacy import or export job; follow it here or under /api/v1/jobs/{id}")
    public record LegacyJob(long id, String type, String status, JsonValue params, LegacyProgress progress, String currentStep,
                            int attempts, String error, JsonValue result, OffsetDateTime createdAt, OffsetDateTime startedAt,
                            OffsetDateTime finishedAt, String job, String report, String quarantine) {
        static LegacyJob of(Job j) {
            boolean imp = j.getType().equals(JobTypes.LEGACY_IMPORT);
            String base = imp ? "/api/v1/admin/legacy-imports/" + j.getId() : null;
            return new LegacyJob(j.getId(), j.getType(), j.getStatus().dbValue(), json(j.getParams()),
                    new LegacyProgress(j.getProgressDone(), j.getProgressTotal(), j.percent()), j.getCurrentStep(), j.getAttempts(),
                    j.getError(), json(j.getResult()), j.getCreatedAt(), j.getStartedAt(), j.getFinishedAt(), "/api/v1/jobs/" + j.getId(),
                    imp ? base + "/report" : null, imp ? base + "/quarantine" : null);
        }
    }

    @Schema(name = "LegacyProgress", description = "Items are source rows (import) or exported rows (export)")
    public record LegacyProgress(long done, Long total, int percent) {
    }

    @Inject
    CurrentCaller current;

    @EJB
    LegacyMigrationService legacy;

    @POST
        @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a legacy import (or delta sync, or dry run) of a SQLite file on the server; runs as a job")
    @APIResponse(responseCode = "202", description = "Queued; Location is the import", content = @Content(schema = @Schema(implementation = LegacyJob.class)))
    @APIResponse(responseCode = "400", description = "Missing or unreadable file, path outside zemo.legacy.allowed-dir, wrong mode", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response startImport(ImportRequest body, @Context UriInfo uri) {
        if (body == null) {
            throw ZemoException.invalid("a body {path, mode, dryRun} is required");
        }
        Job j = legacy.submitImport(current.get(), body.path(), body.mode(), body.dryRun());
        return accepted(j, uri);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A legacy import: status, progress (source rows), current step, result (the report's verdict, or what a dry run would change)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = LegacyJob.class)))
    @APIResponse(responseCode = "404", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public LegacyJob getImport(@PathParam("id") long id) {
        return LegacyJob.of(legacy.job(current.get(), id, JobTypes.LEGACY_IMPORT));
    }

    @GET
    @Path("{id}/report")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @Operation(summary = "The reconciliation report: per table source, imported, quarantined, merged, unaccounted and checksums, "
            + "and the one-line verdict (`summary`). HTML with Accept: text/html or ?format=html")
    @APIResponse(responseCode = "200", content = {@Content(mediaType = MediaType.APPLICATION_JSON), @Content(mediaType = MediaType.TEXT_HTML)})
    @APIResponse(responseCode = "409", description = "No report yet (running, failed before reconciling, or a dry run)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response report(@PathParam("id") long id,
                           @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "html"})) @QueryParam("format") String format,
                           @Context HttpHeaders headers) {
        LegacyMigrationService.Report r = legacy.report(current.get(), id);
        if (wantsHtml(format, headers)) {
            return Response.ok(r.report().toHtml(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .header("Content-Disposition", "inline; filename=\"legacy-import-" + id + "-report.html\"").build();
        }
        return Response.ok(r.json(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("{id}/quarantine")
    @Produces("text/csv")
    @Operation(summary = "The import's quarantine and flags as CSV: table, source_id, column, reason, raw_value, kind "
            + "(quarantined = not imported; flagged = imported with a documented fallback)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "text/csv"))
    public Response quarantine(@PathParam("id") long id,
                               @Parameter(description = "run: only the entries this import's own run wrote; all (default): every current entry, as the report counts them",
                                       schema = @Schema(type = SchemaType.STRING, enumeration = {"all", "run"})) @QueryParam("scope") String scope) {
        boolean onlyThisRun = scope != null && !scope.isBlank() && switch (scope.trim()) {
            case "run" -> true;
            case "all" -> false;
            default -> throw ZemoException.invalid("scope must be all or run");
        };
        var caller = current.get();
        legacy.job(caller, id, JobTypes.LEGACY_IMPORT); // 404 before the stream starts
        StreamingOutput body = out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            legacy.writeQuarantineCsv(caller, id, onlyThisRun, w);
            w.flush();
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"legacy-import-" + id + "-quarantine.csv\"").build();
    }

    static Response accepted(Job j, UriInfo uri) {
        return Response.accepted(LegacyJob.of(j)).location(uri.getAbsolutePathBuilder().path(String.valueOf(j.getId())).build()).build();
    }

    private static boolean wantsHtml(String format, HttpHeaders headers) {
        if (format != null && !format.isBlank()) {
            return switch (format.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "html" -> true;
                case "json" -> false;
                default -> throw ZemoException.invalid("format must be json or html");
            };
        }
        for (MediaType m : headers.getAcceptableMediaTypes()) {
            if (m.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !m.isWildcardType()) {
                return false;
            }
            if (m.getType().equals("text") && m.getSubtype().equals("html")) {
                return true;
            }
        }
        return false;
    }

    static JsonValue json(String text) {
        return com.zemo.jobs.boundary.JobViews.json(text);
    }
}
