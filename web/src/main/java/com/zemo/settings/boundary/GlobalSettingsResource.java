package com.zemo.settings.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import com.zemo.identity.boundary.CurrentCaller;
import com.zemo.identity.entity.Role;
import com.zemo.platform.boundary.PageOf;
import com.zemo.platform.boundary.PageRequest;
import com.zemo.platform.boundary.Problem;
import com.zemo.settings.control.SettingsService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Global settings (admin): what applies to every user who has no value of their own. Secrets come back masked. */
@ApplicationScoped
@Path("settings")
@Tag(name = "settings")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
@APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class GlobalSettingsResource {

    @Inject
    CurrentCaller current;

    @EJB
    SettingsService settings;

    @GET
    @Operation(summary = "Global settings (admin)")
    public PageOf<MySettingsResource.SettingView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return MySettingsResource.page(settings.global(), PageRequest.of(page, size));
    }

    @GET
    @Path("{key}")
    @Operation(summary = "One global setting (admin)")
    @APIResponse(responseCode = "404", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MySettingsResource.SettingView get(@PathParam("key") String key) {
        return MySettingsResource.SettingView.of(settings.getGlobal(key));
    }

    @PUT
    @Path("{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a global setting (admin); keys ending in key/token/secret/password are stored encrypted")
    public MySettingsResource.SettingView put(@PathParam("key") String key, MySettingsResource.SettingValue body) {
        return MySettingsResource.SettingView.of(settings.putGlobal(current.get(), key, MySettingsResource.value(body), current.ip()));
    }

    @DELETE
    @Path("{key}")
    @Operation(summary = "Remove a global setting (admin); audited")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void delete(@PathParam("key") String key) {
        settings.deleteGlobal(current.get(), key, current.ip());
    }
}
