package com.zemo.ops.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import com.zemo.identity.boundary.CurrentCaller;
import com.zemo.identity.control.AuditService;
import com.zemo.identity.entity.Role;
import com.zemo.ops.control.ShadowMismatches;
import com.zemo.ops.control.TrafficRoutes;
import com.zemo.ops.control.TrafficState;
import com.zemo.platform.ZemoException;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The traffic switch per API token or per user (docs/traffic-switch.md); every change is audited. */
@ApplicationScoped
@Path("admin/traffic")
@Tag(name = "admin", description = "Administration")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class TrafficResource {

    @Schema(name = "TrafficRouteChange")
    public record Change(@Schema(required = true, enumeration = {"legacy", "shadow", "zemo"}) String state) {
    }

    @Inject
    TrafficRoutes routes;

    @Inject
    ShadowMismatches mismatches;

    @Inject
    CurrentCaller current;

    @EJB
    AuditService audit;

    @GET
    @Operation(summary = "Every token and user not on the default state (zemo)")
    public List<TrafficRoutes.Route> list() {
        return routes.list();
    }

    @GET
    @Path("{kind}/{id}")
    @Operation(summary = "The state of one API token (kind tokens) or user (kind users)")
    public TrafficRoutes.Route get(@PathParam("kind") String kind, @PathParam("id") long id) {
        return routes.get(kind(kind), id);
    }

    @PUT
    @Path("{kind}/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Switch an API token or a user to legacy, shadow or zemo; every node follows within seconds")
    public TrafficRoutes.Route set(@PathParam("kind") String kind, @PathParam("id") long id, Change body) {
        if (body == null) {
            throw ZemoException.invalid("state (legacy, shadow or zemo) is required");
        }
        TrafficState state = TrafficState.parse(body.state());
        TrafficRoutes.Kind k = kind(kind);
        var c = current.get();
        TrafficRoutes.Route r = routes.set(k, id, state, c.username());
        audit.record(c.userId(), c.username(), "ops.traffic-switch", k.value() + ":" + id, "state=" + state.value(), current.ip());
        return r;
    }

    @GET
    @Path("mismatches")
    @Operation(summary = "The newest sampled shadow mismatches, with both bodies")
    public List<ShadowMismatches.Sample> mismatches(@QueryParam("limit") Integer limit) {
        return mismatches.newest(limit == null ? 50 : Math.max(1, Math.min(limit, 500)));
    }

    private static TrafficRoutes.Kind kind(String s) {
        return switch (s) {
            case "tokens" -> TrafficRoutes.Kind.TOKEN;
            case "users" -> TrafficRoutes.Kind.USER;
            default -> throw ZemoException.notFound("traffic kind '" + s + "' (use tokens or users)");
        };
    }
}
