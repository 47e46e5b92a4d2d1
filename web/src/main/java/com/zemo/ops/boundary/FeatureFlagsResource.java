package com.zemo.ops.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import com.zemo.identity.boundary.CurrentCaller;
import com.zemo.identity.entity.Role;
import com.zemo.ops.control.FeatureFlagService;
import com.zemo.ops.entity.FeatureFlag;
import com.zemo.platform.ZemoException;
import com.zemo.platform.boundary.PageOf;
import com.zemo.platform.boundary.PageRequest;
import com.zemo.platform.boundary.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;
import java.util.List;

/** Feature flags (admin): list, read, set (creating a flag if it does not exist). Every change is audited. */
@ApplicationScoped
@Path("admin/feature-flags")
@Tag(name = "admin", description = "Feature flags and the audit log (admins only)")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
@APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class FeatureFlagsResource {

    @Schema(name = "FeatureFlag")
    public record FlagView(@Schema(example = "read-only") String key, @Schema(example = "false") String value,
                           @Schema(example = "When true, every write answers 503") String description,
                           OffsetDateTime updatedAt, @Schema(example = "admin") String updatedBy) {
        static FlagView of(FeatureFlag f) {
            return new FlagView(f.getKey(), f.getValue(), f.getDescription(), f.getUpdatedAt(), f.getUpdatedBy());
        }
    }

    @Schema(name = "FeatureFlagValue", description = "The new value; the description is optional (kept when absent)")
    public record FlagValue(@Schema(required = true, example = "true", maxLength = 200) String value,
                            @Schema(example = "New editor for prompts", maxLength = 500) String description) {
    }

    @Inject
    CurrentCaller current;

    @EJB
    FeatureFlagService flags;

    @GET
    @Operation(summary = "All feature flags, by key (admin)")
    @APIResponse(responseCode = "400", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageOf<FlagView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest req = PageRequest.of(page, size);
        List<FeatureFlag> all = flags.list(current.get());
        return PageOf.of(all.stream().skip(req.offset()).limit(req.size()).map(FlagView::of).toList(), req, all.size());
    }

    @GET
    @Path("{key}")
    @Operation(summary = "One feature flag (admin)")
    @APIResponse(responseCode = "404", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public FlagView get(@PathParam("key") String key) {
        return FlagView.of(flags.get(current.get(), key));
    }

    @PUT
    @Path("{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a feature flag (admin); creates it (201) if it does not exist; audited. read-only switches every node at once")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = FlagView.class)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = FlagView.class)))
    @APIResponse(responseCode = "400", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response put(@PathParam("key") String key, FlagValue body) {
        if (body == null || body.value() == null) {
            throw ZemoException.invalid("value is required");
        }
        boolean exists = flags.list(current.get()).stream().anyMatch(f -> f.getKey().equals(key));
        if (exists) {
            return Response.ok(FlagView.of(flags.set(current.get(), key, body.value(), body.description(), current.ip()))).build();
        }
        return Response.status(Response.Status.CREATED)
                .entity(FlagView.of(flags.create(current.get(), key, body.value(), body.description(), current.ip()))).build();
    }
}
