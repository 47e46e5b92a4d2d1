package com.zemo.generation.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import com.zemo.identity.boundary.CurrentCaller;
import com.zemo.jobs.control.JobResults;
import com.zemo.platform.boundary.Problem;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationScoped
@Path("generations")
@Tag(name = "results")
@Produces(MediaType.APPLICATION_JSON)
public class GenerationsResource {

    @Inject
    CurrentCaller current;

    @EJB
    JobResults results;

    @GET
    @Path("{id}")
    @Operation(summary = "One generated text with its model, token usage, cost and score")
    @APIResponse(responseCode = "404", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public JsonObject get(@PathParam("id") long id) {
        return results.generation(current.get(), id);
    }
}
