package com.zemo.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The cheapest endpoint there is: a baseline for benchmarks and a probe for load balancers. */
@ApplicationScoped
@Path("ping")
@Tag(name = "platform")
public class PingResource {
    public record Pong(String status) {
    }

    private static final Pong PONG = new Pong("ok");

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirements
    @Operation(summary = "Answers {\"status\":\"ok\"} without authentication")
    public Pong ping() {
        return PONG;
    }
}
