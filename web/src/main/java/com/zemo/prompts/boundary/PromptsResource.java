package com.zemo.prompts.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import com.zemo.identity.boundary.CurrentCaller;
import com.zemo.platform.ZemoException;
import com.zemo.platform.boundary.PageOf;
import com.zemo.platform.boundary.PageRequest;
import com.zemo.platform.boundary.Problem;
import com.zemo.prompts.control.PromptService;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@ApplicationScoped
@Path("prompts")
@Tag(name = "prompts", description = "Prompt templates: every edit a new version, private or shared, soft delete, preview")
@Produces(MediaType.APPLICATION_JSON)
public class PromptsResource {

    @Inject
    CurrentCaller current;

    @EJB
    PromptService prompts;

    @GET
    @Operation(summary = "The caller's prompts and the shared ones, newest first; deleted=true: the caller's deleted prompts")
    public PageOf<PromptViews.Summary> list(@Parameter(description = "list the caller's deleted prompts instead") @QueryParam("deleted") boolean deleted,
                                            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest req = PageRequest.of(page, size);
        var caller = current.get();
        List<PromptViews.Summary> items = prompts.list(caller, deleted, req.offset(), req.size()).stream().map(PromptViews.Summary::of).toList();
        return PageOf.of(items, req, prompts.count(caller, deleted));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a prompt (version 1); editors, operators and admins")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = PromptViews.Detail.class)))
    @APIResponse(responseCode = "400", description = "Missing title/body, too long, unknown placeholders or unbalanced braces (the message lists the known placeholders)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Viewers may not create prompts", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(PromptViews.Input body, @Context UriInfo uri) {
        if (body == null) {
            throw ZemoException.invalid("title and body are required");
        }
        PromptViews.Detail d = PromptViews.Detail.of(prompts.create(current.get(), body.draft(), current.ip()));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(d.id())).build()).entity(d).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One prompt with its current version and the list of versions")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PromptViews.Detail.class)))
    @APIResponse(responseCode = "404", description = "No such prompt, or another user's private prompt", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PromptViews.Detail get(@PathParam("id") long id) {
        return PromptViews.Detail.of(prompts.get(current.get(), id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Edit: makes a new version (jobs keep the version they used); absent fields keep their value")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PromptViews.Detail.class)))
    @APIResponse(responseCode = "400", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not the owner nor an admin, or a viewer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Deleted (restore it first) or changed meanwhile", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PromptViews.Detail update(@PathParam("id") long id, PromptViews.Input body) {
        return PromptViews.Detail.of(prompts.update(current.get(), id, body == null ? null : body.draft(), current.ip()));
    }

    @GET
    @Path("{id}/versions")
    @Operation(summary = "Every version of a prompt, oldest first, with bodies")
    public List<PromptViews.Version> versions(@PathParam("id") long id) {
        return prompts.get(current.get(), id).versions().stream().map(PromptViews.Version::of).toList();
    }

    @GET
    @Path("{id}/versions/{version}")
    @Operation(summary = "One version of a prompt, as a job that used it saw it")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PromptViews.Version.class)))
    @APIResponse(responseCode = "404", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PromptViews.Version version(@PathParam("id") long id, @PathParam("version") int version) {
        return PromptViews.Version.of(prompts.version(current.get(), id, version));
    }

    @POST
    @Path("{id}/share")
    @Operation(summary = "Share: every signed-in user may read and use it; only the owner and admins change it")
    public PromptViews.Detail share(@PathParam("id") long id) {
        return PromptViews.Detail.of(prompts.share(current.get(), id, true, current.ip()));
    }

    @POST
    @Path("{id}/unshare")
    @Operation(summary = "Make private again")
    public PromptViews.Detail unshare(@PathParam("id") long id) {
        return PromptViews.Detail.of(prompts.share(current.get(), id, false, current.ip()));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Soft delete: hidden from lists and new jobs; versions stay for the jobs that used them; restorable")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") long id) {
        prompts.delete(current.get(), id, current.ip());
    }

    @POST
    @Path("{id}/restore")
    @Operation(summary = "Restore a soft-deleted prompt")
    @APIResponse(responseCode = "409", description = "Not deleted", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PromptViews.Detail restore(@PathParam("id") long id) {
        return PromptViews.Detail.of(prompts.restore(current.get(), id, current.ip()));
    }

    @POST
    @Path("{id}/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Render the prompt with a job's data, an analysis' brief, or given values; nothing is sent to an LLM")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PromptViews.PreviewView.class)))
    @APIResponse(responseCode = "400", description = "Unknown placeholder in values", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such prompt, job or analysis (or not visible to the caller)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PromptViews.PreviewView preview(@PathParam("id") long id, PromptViews.PreviewRequest body) {
        PromptViews.PreviewRequest b = body == null ? new PromptViews.PreviewRequest(null, null, null, null) : body;
        return PromptViews.PreviewView.of(prompts.preview(current.get(), id, b.version(), b.jobId(), b.analysisId(), b.values()));
    }
}
