package com.zemo.platform.boundary;

import com.zemo.platform.LogContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.concurrent.ThreadLocalRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The request id: taken from {@code X-Request-Id} when it is sane, else generated; echoed in the response and
 * put in the log context. Authentication runs before servlet filters, so both call this; the first call wins.
 */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "zemo.requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestIds() {
    }

    public static String ensure(HttpServletRequest req, HttpServletResponse res) {
        Object existing = req.getAttribute(ATTRIBUTE);
        if (existing != null) {
            return existing.toString();
        }
        String given = req.getHeader(HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : newId();
        req.setAttribute(ATTRIBUTE, id);
        res.setHeader(HEADER, id);
        LogContext.clear();
        LogContext.put(LogContext.REQUEST_ID, id);
        LogContext.put(LogContext.TRACE_ID, traceId(req.getHeader("traceparent")));
        return id;
    }

    /** The trace id of a W3C {@code traceparent} header (version-traceid-parentid-flags), or null when absent or malformed. */
    static String traceId(String traceparent) {
        if (traceparent == null || traceparent.length() < 55 || traceparent.charAt(2) != '-' || traceparent.charAt(35) != '-') {
            return null;
        }
        String id = traceparent.substring(3, 35);
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return null;
            }
        }
        return id.equals("00000000000000000000000000000000") ? null : id;
    }

    /** 64 random bits: unique enough to find a request in the logs. Not a secret, so no SecureRandom (a lock per call). */
    public static String newId() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }
}
