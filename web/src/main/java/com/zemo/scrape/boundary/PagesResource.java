package com.zemo.scrape.boundary;

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
@Path("pages")
@Tag(name = "results", description = "What jobs produced: SERPs, pages, analyses and briefs, generated texts")
@Produces(MediaType.APPLICATION_JSON)
public class PagesResource {

    @Inject
    CurrentCaller current;

    @EJB
    JobResults results;

    @GET
    @Path("{id}")
    @Operation(summary = "One scraped page: outline, main text, counts, links, images (the raw HTML stays stored for re-analysis)")
    @APIResponse(responseCode = "404", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public JsonObject get(@PathParam("id") long id) {
        return results.page(current.get(), id);
    }
}
