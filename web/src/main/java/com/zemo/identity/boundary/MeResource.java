package com.zemo.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import com.zemo.identity.control.Caller;
import com.zemo.identity.control.UserService;
import com.zemo.platform.ZemoException;
import com.zemo.platform.boundary.Problem;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationScoped
@Path("me")
@Tag(name = "identity")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    CurrentCaller current;

    @EJB
    UserService users;

    @GET
    @Operation(summary = "Who the caller is: username, roles, and the token used (if any)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = IdentityViews.MeView.class)))
    @APIResponse(responseCode = "401", description = "No or invalid credentials", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public IdentityViews.MeView me() {
        Caller c = current.get();
        return new IdentityViews.MeView(c.userId(), c.username(), IdentityViews.roleNames(c.roles()), c.tokenId());
    }

    @PUT
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the caller's own password")
    @APIResponse(responseCode = "204", description = "Changed")
    @APIResponse(responseCode = "400", description = "Wrong current password or a weak new one", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void changePassword(IdentityViews.PasswordChange body) {
        if (body == null || body.currentPassword() == null || body.newPassword() == null) {
            throw ZemoException.invalid("currentPassword and newPassword are required");
        }
        try {
            com.zemo.identity.entity.PasswordHashing.requirePassword(body.newPassword());
        } catch (IllegalArgumentException e) {
            throw ZemoException.invalid(e.getMessage());
        }
        users.changeOwnPassword(current.get(), body.currentPassword(), body.newPassword(), current.ip());
    }
}
