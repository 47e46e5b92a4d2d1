package com.zemo.platform;

import jakarta.ejb.ApplicationException;

/**
 * A failure the caller can act on. The web tier turns each kind into an RFC 9457 problem with its status;
 * messages are written for users and never carry secret values.
 */
@ApplicationException(rollback = true)
public class ZemoException extends RuntimeException {
    public enum Kind {
        INVALID(400, "invalid-request"),
        UNAUTHENTICATED(401, "unauthenticated"),
        FORBIDDEN(403, "forbidden"),
        NOT_FOUND(404, "not-found"),
        CONFLICT(409, "conflict"),
        PAYLOAD_TOO_LARGE(413, "payload-too-large"),
        RATE_LIMITED(429, "rate-limited"),
        READ_ONLY(503, "read-only"),
        UNAVAILABLE(503, "unavailable");

        public final int status;
        public final String slug;

        Kind(int status, String slug) {
            this.status = status;
            this.slug = slug;
        }
    }

    private final Kind kind;

    public ZemoException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static ZemoException invalid(String message) { return new ZemoException(Kind.INVALID, message); }
    public static ZemoException notFound(String what) { return new ZemoException(Kind.NOT_FOUND, what + " not found"); }
    public static ZemoException conflict(String message) { return new ZemoException(Kind.CONFLICT, message); }
    public static ZemoException forbidden(String message) { return new ZemoException(Kind.FORBIDDEN, message); }
}
