package com.zemo.identity.boundary;

import com.zemo.identity.control.Caller;
import com.zemo.identity.entity.Role;
import com.zemo.platform.boundary.Problem;
import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Enforces {@code @RolesAllowed} on resources from the caller's roles (method annotation over class annotation):
 * a caller without one of the roles gets a 403 problem.
 */
@Provider
public class Authorization implements DynamicFeature {

    @Override
    public void configure(ResourceInfo info, FeatureContext ctx) {
        RolesAllowed ra = info.getResourceMethod().getAnnotation(RolesAllowed.class);
        if (ra == null) {
            ra = info.getResourceClass().getAnnotation(RolesAllowed.class);
        }
        if (ra != null) {
            Set<Role> allowed = EnumSet.noneOf(Role.class);
            Arrays.stream(ra.value()).forEach(r -> allowed.add(Role.parse(r).orElseThrow()));
            ctx.register(new RoleCheck(allowed));
        }
    }

    @Priority(Priorities.AUTHORIZATION)
    static final class RoleCheck implements ContainerRequestFilter {
        private final Set<Role> allowed;

        RoleCheck(Set<Role> allowed) {
            this.allowed = allowed;
        }

        @Override
        public void filter(ContainerRequestContext req) {
            Caller c = CallerAccess.caller(req);
            if (c == null) {
                req.abortWith(Problem.of(401, "unauthenticated", "Authentication required", "authentication required", null).toResponse());
                return;
            }
            if (c.roles().stream().noneMatch(allowed::contains)) {
                req.abortWith(Problem.of(403, "forbidden", "Forbidden",
                        "this needs one of the roles " + allowed.stream().map(Role::roleName).sorted().toList(), req.getUriInfo().getRequestUri().getPath()).toResponse());
            }
        }
    }
}
