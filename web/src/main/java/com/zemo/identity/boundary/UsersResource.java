package com.zemo.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import com.zemo.identity.control.UserService;
import com.zemo.identity.entity.PasswordHashing;
import com.zemo.identity.entity.Role;
import com.zemo.platform.ZemoException;
import com.zemo.platform.boundary.PageOf;
import com.zemo.platform.boundary.PageRequest;
import com.zemo.platform.boundary.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

@ApplicationScoped
@Path("users")
@Tag(name = "identity")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
@APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class UsersResource {

    @Inject
    CurrentCaller current;

    @EJB
    UserService users;

    @GET
    @Operation(summary = "All users, paged (admin)")
    public PageOf<IdentityViews.UserView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest req = PageRequest.of(page, size);
        return PageOf.of(users.list(req.offset(), req.size()).stream().map(IdentityViews.UserView::of).toList(), req, users.count());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a user (admin)")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = IdentityViews.UserView.class)))
    @APIResponse(responseCode = "400", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Username taken", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(IdentityViews.NewUser body, @Context UriInfo uri) {
        if (body == null || body.username() == null || body.password() == null || body.roles() == null) {
            throw ZemoException.invalid("username, password and roles are required");
        }
        checkPassword(body.password());
        var u = users.create(current.get(), body.username(), body.password(), roles(body.roles()), body.displayName(), body.email(), current.ip());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(u.getId())).build()).entity(IdentityViews.UserView.of(u)).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One user (admin)")
    @APIResponse(responseCode = "404", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public IdentityViews.UserView get(@PathParam("id") long id) {
        return IdentityViews.UserView.of(users.get(id));
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change roles, state, password or name of a user (admin); audited")
    public IdentityViews.UserView update(@PathParam("id") long id, IdentityViews.UserChanges body) {
        if (body == null) {
            throw ZemoException.invalid("a JSON body with the fields to change is required");
        }
        if (body.password() != null) {
            checkPassword(body.password());
        }
        Set<Role> roles = body.roles() == null ? null : roles(body.roles());
        return IdentityViews.UserView.of(users.update(current.get(), id,
                new UserService.Changes(roles, body.active(), body.password(), body.displayName(), body.email()), current.ip()));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a user (admin): the account is deactivated and its tokens revoked; its data stays")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") long id) {
        users.delete(current.get(), id, current.ip());
    }

    private static Set<Role> roles(List<String> names) {
        if (names.isEmpty()) {
            throw ZemoException.invalid("roles must not be empty");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String n : names) {
            roles.add(Role.parse(n).orElseThrow(() -> ZemoException.invalid("unknown role '" + n + "'; roles are admin, operator, editor, viewer")));
        }
        return roles;
    }

    private static void checkPassword(String password) {
        try {
            PasswordHashing.requirePassword(password);
        } catch (IllegalArgumentException e) {
            throw ZemoException.invalid(e.getMessage());
        }
    }
}
