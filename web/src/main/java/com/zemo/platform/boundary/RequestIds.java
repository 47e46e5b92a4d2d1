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
        return id;
    }

    /** 64 random bits: unique enough to find a request in the logs. Not a secret, so no SecureRandom (a lock per call). */
    public static String newId() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }
}
