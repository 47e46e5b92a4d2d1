package com.zemo.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import com.zemo.identity.control.AuditQuery;
import com.zemo.identity.control.AuditService;
import com.zemo.identity.entity.AuditEvent;
import com.zemo.identity.entity.Role;
import com.zemo.platform.ZemoException;
import com.zemo.platform.boundary.PageOf;
import com.zemo.platform.boundary.PageRequest;
import com.zemo.platform.boundary.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;

/** The audit log (admin): newest first, paged, filtered by event type, user and time. */
@ApplicationScoped
@Path("admin/audit")
@Tag(name = "admin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
@APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AuditResource {

    @Schema(name = "AuditEvent", description = "One security or administrative event; details never hold secret values")
    public record EventView(long id, OffsetDateTime at, Long actorId, @Schema(example = "admin") String actor,
                            @Schema(example = "user.roles-changed") String action, @Schema(example = "user:7") String target,
                            @Schema(example = "[editor] -> [editor, operator]") String details, String ip, String requestId) {
        static EventView of(AuditEvent e) {
            return new EventView(e.getId(), e.getAt(), e.getActorId(), e.getActor(), e.getAction(), e.getTarget(), e.getDetails(),
                    e.getIp(), e.getRequestId());
        }
    }

    @EJB
    AuditService audit;

    @jakarta.inject.Inject
    CurrentCaller current;

    @GET
    @Operation(summary = "Audit events, newest first (admin)")
    @APIResponse(responseCode = "200", description = "A page of AuditEvent")
    @APIResponse(responseCode = "400", description = "Bad page, size, date or filter", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageOf<EventView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size,
                                  @Parameter(description = "Event type, e.g. user.created, or a prefix with .* (user.*)") @QueryParam("action") String action,
                                  @Parameter(description = "Username of who did it") @QueryParam("actor") String actor,
                                  @Parameter(description = "From (inclusive): ISO date 2026-11-01 or date-time 2026-11-01T10:00:00Z") @QueryParam("from") String from,
                                  @Parameter(description = "To: a date includes that whole day (UTC); a date-time is exclusive") @QueryParam("to") String to) {
        PageRequest req = PageRequest.of(page, size);
        AuditQuery q;
        try {
            q = new AuditQuery(action, actor, AuditDates.start(from, "from"), AuditDates.end(to, "to"));
        } catch (IllegalArgumentException e) {
            throw ZemoException.invalid(e.getMessage());
        }
        return PageOf.of(audit.search(current.get(), q, req.offset(), req.size()).stream().map(EventView::of).toList(), req, audit.count(current.get(), q));
    }
}
