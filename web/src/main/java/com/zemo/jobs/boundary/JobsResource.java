package com.zemo.jobs.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import com.zemo.identity.boundary.CurrentCaller;
import com.zemo.jobs.control.JobService;
import com.zemo.jobs.entity.Job;
import com.zemo.jobs.entity.JobStatus;
import com.zemo.platform.ZemoException;
import com.zemo.platform.boundary.PageOf;
import com.zemo.platform.boundary.PageRequest;
import com.zemo.platform.boundary.Problem;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

@ApplicationScoped
@Path("jobs")
@Tag(name = "jobs", description = "Long work as Jakarta Batch jobs: submit, follow, control")
@Produces(MediaType.APPLICATION_JSON)
public class JobsResource {

    @Inject
    CurrentCaller current;

    @EJB
    JobService jobs;

    @Inject
    JobEventStream stream;

    @EJB
    com.zemo.jobs.control.JobResults results;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a job; it is stored as queued and starts as soon as a node has capacity")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = JobViews.Created.class)))
    @APIResponse(responseCode = "400", description = "Unknown type or invalid parameters", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The caller's roles may not submit this type", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Read-only mode", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(JobViews.NewJob body, @Context UriInfo uri) {
        if (body == null || body.type() == null) {
            throw ZemoException.invalid("type is required");
        }
        Job j = jobs.submit(current.get(), body.type(), body.params());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(j.getId())).build())
                .entity(new JobViews.Created(j.getId(), j.getStatus().dbValue())).build();
    }

    @GET
    @Operation(summary = "Jobs, newest first by default; users see their own, operators and admins all")
    @APIResponse(responseCode = "400", description = "Bad status, sort, page or date (e.g. createdFrom=yesterday, or createdFrom after createdTo)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageOf<JobViews.Summary> list(
            @QueryParam("type") String type,
            @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"queued", "running", "completed", "failed", "stopped", "canceled"}))
            @QueryParam("status") String status,
            @QueryParam("owner") Long owner,
            @Parameter(description = "ISO 8601, inclusive") @QueryParam("from") String from,
            @Parameter(description = "ISO 8601, exclusive") @QueryParam("to") String to,
            @Parameter(description = "Created on or after: an ISO date (2026-11-01, from its start, UTC) or date-time with offset; "
                    + "the dashboard's date filter; not together with `from`", example = "2026-11-01")
            @QueryParam("createdFrom") String createdFrom,
            @Parameter(description = "Created on or before: an ISO date (2026-11-30, to its end, UTC) or date-time with offset (exclusive); "
                    + "not together with `to`", example = "2026-11-30")
            @QueryParam("createdTo") String createdTo,
            @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"created", "-created", "id", "-id"}))
            @QueryParam("sort") String sort,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest req = PageRequest.of(page, size);
        OffsetDateTime start = either("from", time("from", from), "createdFrom", CreatedRange.start("createdFrom", createdFrom));
        OffsetDateTime end = either("to", time("to", to), "createdTo", CreatedRange.end("createdTo", createdTo));
        if (start != null && end != null && !start.isBefore(end)) {
            throw ZemoException.invalid("the start of the creation range must be before its end");
        }
        JobService.Filter f = new JobService.Filter(blankToNull(type), status(status), owner, start, end);
        var caller = current.get();
        List<JobViews.Summary> items = jobs.summaries(caller, f, sort(sort), req.offset(), req.size()).stream().map(JobViews.Summary::of).toList();
        return PageOf.of(items, req, jobs.count(caller, f));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One job with its steps: batch executions, step counts, checkpoint, children")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = JobViews.Detail.class)))
    @APIResponse(responseCode = "404", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public JobViews.Detail get(@PathParam("id") long id) {
        var caller = current.get();
        Job j = jobs.get(caller, id);
        return JobViews.Detail.of(j, jobs.children(j), jobs.executions(caller, id));
    }

    @GET
    @Path("{id}/result")
    @Operation(summary = "What the job produced, by type: SERP positions, stored pages, analysis and brief, generated text and score; "
            + "a pipeline's holds each step's")
    @APIResponse(responseCode = "404", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public jakarta.json.JsonObject result(@PathParam("id") long id) {
        return results.of(current.get(), id);
    }

    @GET
    @Path("{id}/pages")
    @Operation(summary = "The pages a scrape job (or a pipeline's scrape step) stored, without their text; GET /pages/{id} has the text")
    @APIResponse(responseCode = "404", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public jakarta.json.JsonObject pages(@PathParam("id") long id) {
        return results.pages(current.get(), id);
    }

    @GET
    @Path("{id}/logs")
    @Operation(summary = "The job's log, oldest first, a page after a line id")
    public JobViews.LogPage logs(@PathParam("id") long id, @QueryParam("after") Long after, @QueryParam("size") Integer size) {
        int limit = size == null ? 200 : size;
        if (limit < 1 || limit > 1000) {
            throw ZemoException.invalid("size must be between 1 and 1000");
        }
        var lines = jobs.logs(current.get(), id, after == null ? 0 : after, limit + 1);
        boolean more = lines.size() > limit;
        var page = lines.stream().limit(limit).map(JobViews.LogLine::of).toList();
        long next = page.isEmpty() ? (after == null ? 0 : after) : page.get(page.size() - 1).id();
        return new JobViews.LogPage(page, next, more);
    }

    @GET
    @Path("{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Live log lines (event `log`, id = line id) and progress (event `progress`) as Server-Sent Events; "
            + "resumable with Last-Event-ID; the stream ends after the job ends")
    public void events(@PathParam("id") long id, @HeaderParam("Last-Event-ID") String lastEventId,
                       @Context SseEventSink sink, @Context Sse sse) {
        long after = 0;
        if (lastEventId != null && !lastEventId.isBlank()) {
            try {
                after = Long.parseLong(lastEventId.trim());
            } catch (NumberFormatException e) {
                throw ZemoException.invalid("Last-Event-ID must be a log line id");
            }
        }
        stream.open(current.get(), id, after, sink, sse);
    }

    @POST
    @Path("{id}/stop")
    @Operation(summary = "Stop a running job at its next checkpoint")
    @APIResponse(responseCode = "409", description = "Not running", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public JobViews.Summary stop(@PathParam("id") long id) {
        return JobViews.Summary.of(jobs.stop(current.get(), id));
    }

    @POST
    @Path("{id}/restart")
    @Operation(summary = "Restart a failed or stopped job from its last checkpoint")
    @APIResponse(responseCode = "409", description = "Not failed or stopped", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public JobViews.Summary restart(@PathParam("id") long id) {
        return JobViews.Summary.of(jobs.restart(current.get(), id));
    }

    @POST
    @Path("{id}/abandon")
    @Operation(summary = "Give up a failed or stopped job for good")
    public JobViews.Summary abandon(@PathParam("id") long id) {
        return JobViews.Summary.of(jobs.abandon(current.get(), id));
    }

    @POST
    @Path("{id}/cancel")
    @Operation(summary = "Cancel a queued job")
    public JobViews.Summary cancel(@PathParam("id") long id) {
        return JobViews.Summary.of(jobs.cancel(current.get(), id));
    }

    private static OffsetDateTime either(String name, OffsetDateTime a, String alias, OffsetDateTime b) {
        if (a != null && b != null) {
            throw ZemoException.invalid("give either " + name + " or " + alias + ", not both");
        }
        return a != null ? a : b;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static JobStatus status(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return JobStatus.fromDb(s.trim());
        } catch (IllegalArgumentException e) {
            throw ZemoException.invalid("status must be one of queued, running, completed, failed, stopped, canceled");
        }
    }

    private static OffsetDateTime time(String name, String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s.trim());
        } catch (DateTimeParseException e) {
            throw ZemoException.invalid(name + " must be an ISO 8601 date-time with offset, e.g. 2026-11-01T00:00:00Z");
        }
    }

    private static JobService.Sort sort(String s) {
        if (s == null || s.isBlank()) {
            return JobService.Sort.CREATED_DESC;
        }
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "created" -> JobService.Sort.CREATED_ASC;
            case "-created" -> JobService.Sort.CREATED_DESC;
            case "id" -> JobService.Sort.ID_ASC;
            case "-id" -> JobService.Sort.ID_DESC;
            default -> throw ZemoException.invalid("sort must be one of created, -created, id, -id");
        };
    }
}
