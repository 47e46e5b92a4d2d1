package com.zemo.platform.boundary;

import com.zemo.platform.LogContext;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** RFC 9457 problem details, the body of every error the API returns. */
@Schema(name = "Problem", description = "RFC 9457 problem details")
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "requestId", "errors"})
public record Problem(
        @Schema(example = "https://zemo.dev/problems/invalid-request") String type,
        @Schema(example = "Invalid request") String title,
        @Schema(example = "400") int status,
        @Schema(example = "roles must not be empty") String detail,
        @Schema(example = "/api/v1/users/7") String instance,
        @Schema(example = "3f2c9a6e5b7d4c1a") String requestId,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);
    private static final String BASE = "https://zemo.dev/problems/";

    public record FieldError(String field, String message) {
    }

    public static Problem of(int status, String slug, String title, String detail, String instance) {
        return new Problem(BASE + slug, title, status, detail, instance, LogContext.get(LogContext.REQUEST_ID), null);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, requestId, fieldErrors);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA).entity(this).build();
    }

    /** The same problem as JSON text, for places outside JAX-RS (servlet filters, the authentication mechanism). */
    public String toJson() {
        StringBuilder sb = new StringBuilder("{\"type\":").append(q(type)).append(",\"title\":").append(q(title))
                .append(",\"status\":").append(status).append(",\"detail\":").append(q(detail));
        if (instance != null) {
            sb.append(",\"instance\":").append(q(instance));
        }
        if (requestId != null) {
            sb.append(",\"requestId\":").append(q(requestId));
        }
        return sb.append('}').toString();
    }

    private static String q(String s) {
        return com.zemo.platform.JsonText.quote(s);
    }
}
