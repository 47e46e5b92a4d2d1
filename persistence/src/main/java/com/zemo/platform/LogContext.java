package com.zemo.platform;

import java.util.HashMap;
import java.util.Map;

/**
 * What a log line should say about the work in progress on this thread: request id, user, job id.
 * Set by the request filter and by batch steps, read by {@link ZemoLogFormatter}.
 */
public final class LogContext {
    public static final String REQUEST_ID = "requestId";
    /** The W3C trace id of the request ({@code traceparent}) when a caller sent one; else the formatter uses the request id. */
    public static final String TRACE_ID = "traceId";
    public static final String USER = "user";
    public static final String JOB_ID = "jobId";

    private static final ThreadLocal<Map<String, String>> CURRENT = ThreadLocal.withInitial(HashMap::new);

    private LogContext() {
    }

    public static void put(String key, String value) {
        if (value == null) {
            CURRENT.get().remove(key);
        } else {
            CURRENT.get().put(key, value);
        }
    }

    public static String get(String key) {
        return CURRENT.get().get(key);
    }

    public static Map<String, String> snapshot() {
        return Map.copyOf(CURRENT.get());
    }

    public static void clear() {
        CURRENT.remove();
    }
}
