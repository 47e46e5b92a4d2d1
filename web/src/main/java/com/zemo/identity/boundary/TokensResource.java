package com.zemo.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import com.zemo.identity.control.TokenService;
import com.zemo.platform.ZemoException;
import com.zemo.platform.boundary.PageOf;
import com.zemo.platform.boundary.PageRequest;
import com.zemo.platform.boundary.Problem;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@ApplicationScoped
@Path("tokens")
@Tag(name = "identity")
@Produces(MediaType.APPLICATION_JSON)
public class TokensResource {

    @Inject
    CurrentCaller current;

    @EJB
    TokenService tokens;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "basic")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Create a personal API token (HTTP Basic with your password, or an existing token); the token is shown once")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = IdentityViews.CreatedToken.class)))
    @APIResponse(responseCode = "400", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(IdentityViews.NewToken body, @Context UriInfo uri) {
        if (body == null || body.name() == null || body.name().isBlank() || body.name().length() > 100) {
            throw ZemoException.invalid("name is required (1-100 characters)");
        }
        TokenService.Created c = tokens.create(current.get(), body.name(), current.ip());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(c.token().getId())).build())
                .entity(new IdentityViews.CreatedToken(c.token().getId(), c.token().getName(), c.clearToken(), c.token().getCreatedAt()))
                .build();
    }

    @GET
    @Operation(summary = "The caller's tokens (never the tokens themselves, only their prefixes)")
    public PageOf<IdentityViews.TokenView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest req = PageRequest.of(page, size);
        List<IdentityViews.TokenView> all = tokens.list(current.get().userId()).stream().map(IdentityViews.TokenView::of).toList();
        List<IdentityViews.TokenView> slice = all.stream().skip(req.offset()).limit(req.size()).toList();
        return PageOf.of(slice, req, all.size());
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke a token at once, on every node")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void revoke(@PathParam("id") long id) {
        tokens.revoke(current.get(), id, current.ip());
    }
}
