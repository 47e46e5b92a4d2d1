package com.zemo.jobs.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import com.zemo.identity.boundary.CurrentCaller;
import com.zemo.identity.entity.Role;
import com.zemo.jobs.control.JobTypeControls;
import com.zemo.platform.ZemoException;
import com.zemo.platform.boundary.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;
import java.util.List;

/** Batch operators: whole job types (pause, resume, limits) and bulk retry. */
@ApplicationScoped
@Path("operator")
@Tag(name = "operator", description = "Batch operators: job types, limits, bulk retry")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.OPERATOR_NAME, Role.ADMIN_NAME})
@APIResponse(responseCode = "403", description = "Not an operator or admin", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class OperatorResource {

    @Schema(name = "Limit")
    public record Limit(@Schema(required = true, example = "4") Integer maxConcurrent) {
    }

    @Schema(name = "RetryFailedRequest", description = "Run with dryRun=true first; then again with dryRun=false and the confirmation it returned")
    public record RetryRequest(Filter filter, @Schema(required = true) Boolean dryRun, String confirmation) {
    }

    @Schema(name = "RetryFilter")
    public record Filter(String type, Long owner, OffsetDateTime from, OffsetDateTime to, String errorContains) {
    }

    @Inject
    CurrentCaller current;

    @EJB
    JobTypeControls controls;

    @GET
    @Path("job-types")
    @Operation(summary = "Every job type with its paused flag, cluster-wide limit and queued/running/failed counts")
    public List<JobTypeControls.TypeState> types() {
        return controls.list();
    }

    @POST
    @Path("job-types/{type}/pause")
    @Operation(summary = "Pause a job type on every node: queued jobs wait, running ones finish")
    public JobTypeControls.TypeState pause(@PathParam("type") String type) {
        return controls.setPaused(current.get(), type, true, current.ip());
    }

    @POST
    @Path("job-types/{type}/resume")
    @Operation(summary = "Resume a paused job type")
    public JobTypeControls.TypeState resume(@PathParam("type") String type) {
        return controls.setPaused(current.get(), type, false, current.ip());
    }

    @PUT
    @Path("job-types/{type}/limit")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set how many jobs of a type may run at once across the cluster")
    public JobTypeControls.TypeState limit(@PathParam("type") String type, Limit body) {
        if (body == null || body.maxConcurrent() == null) {
            throw ZemoException.invalid("maxConcurrent is required");
        }
        return controls.setLimit(current.get(), type, body.maxConcurrent(), current.ip());
    }

    @POST
    @Path("retry-failed")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Retry failed jobs matching a filter: a dry run counts them and gives a confirmation code to pass back")
    @APIResponse(responseCode = "409", description = "The confirmation no longer matches", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public JobTypeControls.RetryOutcome retryFailed(RetryRequest body) {
        if (body == null || body.dryRun() == null) {
            throw ZemoException.invalid("dryRun is required (true to count, false with the confirmation to retry)");
        }
        Filter f = body.filter() == null ? new Filter(null, null, null, null, null) : body.filter();
        return controls.retryFailed(current.get(), new JobTypeControls.RetryFilter(f.type(), f.owner(), f.from(), f.to(), f.errorContains()),
                body.dryRun(), body.confirmation(), current.ip());
    }
}
