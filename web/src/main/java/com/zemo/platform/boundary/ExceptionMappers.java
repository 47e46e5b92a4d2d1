package com.zemo.platform.boundary;

import com.zemo.platform.ZemoException;
import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Every exception that leaves a resource becomes a problem+json; a 500 says nothing of the internals. */
public final class ExceptionMappers {
    private static final Logger LOG = Logger.getLogger(ExceptionMappers.class.getName());

    private ExceptionMappers() {
    }

    static String path(UriInfo uri) {
        return uri == null ? null : "/api/v1/" + uri.getPath().replaceFirst("^/", "");
    }

    static Response fromThrowable(Throwable t, UriInfo uri) {
        Throwable cause = unwrap(t);
        if (cause instanceof ZemoException z) {
            return Problem.of(z.kind().status, z.kind().slug, title(z.kind().status), z.getMessage(), path(uri)).toResponse();
        }
        if (cause instanceof PayloadTooLargeException) {
            return Problem.of(413, "payload-too-large", "Payload too large", cause.getMessage(), path(uri)).toResponse();
        }
        if (cause instanceof JsonbException || (cause instanceof ProcessingException && isJson(cause))) {
            return Problem.of(400, "malformed-json", "Malformed request body", jsonDetail(cause), path(uri)).toResponse();
        }
        if (cause instanceof ProcessingException) {
            return Problem.of(400, "invalid-request", "Invalid request", "a parameter or the body has the wrong type or format", path(uri)).toResponse();
        }
        if (cause instanceof IllegalArgumentException) {
            return Problem.of(400, "invalid-request", "Invalid request", cause.getMessage(), path(uri)).toResponse();
        }
        if (cause instanceof OptimisticLockException) {
            return Problem.of(409, "conflict", "Conflict", "the resource was changed by someone else; reload and retry", path(uri)).toResponse();
        }
        if (cause instanceof WebApplicationException w) {
            int status = w.getResponse().getStatus();
            String detail = w instanceof NotFoundException ? "no such resource" : w instanceof NotAllowedException ? "method not allowed here" : w.getMessage();
            Response.ResponseBuilder b = Response.fromResponse(Problem.of(status, slug(status), title(status), detail, path(uri)).toResponse());
            w.getResponse().getHeaders().forEach((k, v) -> {
                if (!k.equalsIgnoreCase("Content-Type") && !k.equalsIgnoreCase("Content-Length")) {
                    v.forEach(x -> b.header(k, x));
                }
            });
            return b.build();
        }
        LOG.log(Level.SEVERE, "unexpected error on " + path(uri), t);
        return Problem.of(500, "internal-error", "Internal error", "something went wrong on our side; the request id identifies it in the logs", path(uri)).toResponse();
    }

    private static boolean isJson(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof JsonbException || c.getClass().getName().startsWith("jakarta.json")
                    || c.getClass().getName().contains("Json") || c instanceof java.io.EOFException) {
                return true;
            }
        }
        return false;
    }

    /** JSON-B messages may quote the input; keep the structural part only. */
    private static String jsonDetail(Throwable t) {
        String m = t.getMessage() == null ? "" : t.getMessage();
        if (m.contains("Unknown property") || m.contains("unknown property")) {
            int i = m.indexOf("Unknown property");
            return "unknown field: " + (i >= 0 ? m.substring(i).replaceAll("(?s)\\s+.*", "") : m);
        }
        return "the body is not valid JSON of the expected shape";
    }

    private static Throwable unwrap(Throwable t) {
        Throwable c = t;
        for (int i = 0; i < 10 && c != null; i++) {
            if (c instanceof ZemoException || c instanceof PayloadTooLargeException) {
                return c;
            }
            if (c instanceof EJBException e && e.getCausedByException() != null) {
                c = e.getCausedByException();
                continue;
            }
            if ((c instanceof ProcessingException || c instanceof JsonbException) && c.getCause() != null
                    && find(c, PayloadTooLargeException.class) != null) {
                return find(c, PayloadTooLargeException.class);
            }
            return c;
        }
        return t;
    }

    private static Throwable find(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return c;
            }
        }
        return null;
    }

    static String slug(int status) {
        return switch (status) {
            case 400 -> "invalid-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 429 -> "rate-limited";
            case 503 -> "unavailable";
            default -> "http-" + status;
        };
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Invalid request";
            case 401 -> "Authentication required";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 409 -> "Conflict";
            case 413 -> "Payload too large";
            case 415 -> "Unsupported media type";
            case 429 -> "Too many requests";
            case 503 -> "Service unavailable";
            default -> Response.Status.fromStatusCode(status) == null ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase();
        };
    }

    /** One mapper per exception type Jersey would otherwise answer itself; all of them write the same problems. */
    abstract static class ToProblem<T extends Throwable> implements ExceptionMapper<T> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(T t) {
            return fromThrowable(t, uri);
        }
    }

    @Provider
    public static class Any extends ToProblem<Throwable> {
    }

    @Provider
    public static class Json extends ToProblem<JsonbException> {
    }

    @Provider
    public static class Processing extends ToProblem<ProcessingException> {
    }

    @Provider
    public static class Zemo extends ToProblem<ZemoException> {
    }

    @Provider
    public static class Ejb extends ToProblem<EJBException> {
    }

    /** A WebApplicationException that wraps a body-reading failure is about the body, not the resource. */
    @Provider
    public static class Web extends ToProblem<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException t) {
            Throwable cause = t.getCause();
            if (cause != null && (cause instanceof JsonbException || cause instanceof ProcessingException || find(cause, PayloadTooLargeException.class) != null)) {
                return fromThrowable(cause, uri);
            }
            return fromThrowable(t, uri);
        }
    }
}
