package com.zemo.legacy.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import com.zemo.identity.boundary.CurrentCaller;
import com.zemo.identity.entity.Role;
import com.zemo.jobs.control.JobTypes;
import com.zemo.legacy.control.LegacyMigrationService;
import com.zemo.platform.ZemoException;
import com.zemo.platform.boundary.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The way back for admins: PostgreSQL into a new SQLite file the monolith can run on, as a job. */
@ApplicationScoped
@Path("admin/legacy-exports")
@Tag(name = "legacy")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
@APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class LegacyExportsResource {

    @Inject
    CurrentCaller current;

    @EJB
    LegacyMigrationService legacy;

    @POST
        @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Export the data back into a new SQLite file on the server with the monolith's schema (schema_version 7); runs as a job")
    @APIResponse(responseCode = "202", description = "Queued", content = @Content(schema = @Schema(implementation = LegacyImportsResource.LegacyJob.class)))
    @APIResponse(responseCode = "400", description = "Relative path, no writable directory, outside zemo.legacy.allowed-dir", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The file exists: an export never overwrites", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response startExport(LegacyImportsResource.ExportRequest body, @Context UriInfo uri) {
        if (body == null) {
            throw ZemoException.invalid("a body {path} is required");
        }
        return LegacyImportsResource.accepted(legacy.submitExport(current.get(), body.path()), uri);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A legacy export: status, progress, result (file, rows per table)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = LegacyImportsResource.LegacyJob.class)))
    public LegacyImportsResource.LegacyJob getExport(@PathParam("id") long id) {
        return LegacyImportsResource.LegacyJob.of(legacy.job(current.get(), id, JobTypes.LEGACY_EXPORT));
    }

}
