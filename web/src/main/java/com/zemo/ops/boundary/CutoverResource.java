package com.zemo.ops.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import com.zemo.identity.entity.Role;
import com.zemo.ops.control.Drain;
import com.zemo.ops.control.JobLogExport;
import com.zemo.platform.ZemoException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Cut-over and rollback controls that are not switches: drain and the export of job logs (docs/runbooks/). */
@ApplicationScoped
@Path("ops")
@Tag(name = "operator", description = "Batch operators: job types, limits, bulk retry")
@RolesAllowed({Role.OPERATOR_NAME, Role.ADMIN_NAME})
public class CutoverResource {
    private static final int MAX_WAIT_SECONDS = 600;

    @Inject
    Drain drain;

    @Inject
    JobLogExport export;

    @POST
    @Path("drain")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Wait until no job runs anywhere (at most timeoutSeconds, default 60, max 600); "
            + "reports what still runs. Pause the job types first, or new jobs keep starting.")
    public Drain.Report drain(@QueryParam("timeoutSeconds") Integer timeoutSeconds) throws InterruptedException {
        int t = timeoutSeconds == null ? 60 : timeoutSeconds;
        if (t < 0 || t > MAX_WAIT_SECONDS) {
            throw ZemoException.invalid("timeoutSeconds must be between 0 and " + MAX_WAIT_SECONDS + "; call again to wait longer");
        }
        return drain.await(Duration.ofSeconds(t));
    }

    @GET
    @Path("job-logs")
    @Produces({"application/x-ndjson", "text/csv"})
    @Operation(summary = "Every job log line (optionally since/until an ISO time, of one job or one type) as JSON lines or CSV")
    public Response jobLogs(@QueryParam("format") String format, @QueryParam("since") String since, @QueryParam("until") String until,
                            @QueryParam("jobId") Long jobId, @QueryParam("type") String type) {
        JobLogExport.Format f = JobLogExport.format(format);
        JobLogExport.Filter filter = new JobLogExport.Filter(time("since", since), time("until", until), jobId, type);
        StreamingOutput body = out -> export.write(filter, f, out);
        String name = "zemo-job-logs." + (f == JobLogExport.Format.CSV ? "csv" : "jsonl");
        return Response.ok(body, f == JobLogExport.Format.CSV ? "text/csv; charset=UTF-8" : "application/x-ndjson; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .build();
    }

    private static OffsetDateTime time(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ZemoException.invalid(name + " must be an ISO-8601 time with offset, e.g. 2026-11-28T00:00:00Z");
        }
    }
}
