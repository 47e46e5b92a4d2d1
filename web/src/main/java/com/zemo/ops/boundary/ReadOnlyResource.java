package com.zemo.ops.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import com.zemo.identity.boundary.CurrentCaller;
import com.zemo.identity.control.AuditService;
import com.zemo.identity.entity.Role;
import com.zemo.ops.control.ReadOnlyMode;
import com.zemo.platform.ZemoException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The cluster-wide read-only switch (cut-over and rollback). */
@ApplicationScoped
@Path("admin/read-only")
@Tag(name = "admin", description = "Administration")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class ReadOnlyResource {

    @Schema(name = "ReadOnly")
    public record State(@Schema(required = true) Boolean readOnly, String changedBy) {
    }

    @Inject
    ReadOnlyMode mode;

    @Inject
    CurrentCaller current;

    @EJB
    AuditService audit;

    @GET
    @Operation(summary = "Whether Zemo is in read-only mode")
    public State get() {
        return new State(mode.isOn(), mode.changedBy());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Turn read-only mode on or off on every node (takes effect within seconds)")
    public State set(State body) {
        if (body == null || body.readOnly() == null) {
            throw ZemoException.invalid("readOnly (true or false) is required");
        }
        var c = current.get();
        mode.set(body.readOnly(), c.username());
        audit.record(c.userId(), c.username(), body.readOnly() ? "ops.read-only-on" : "ops.read-only-off", null, null, current.ip());
        return get();
    }
}
