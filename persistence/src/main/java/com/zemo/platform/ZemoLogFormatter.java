package com.zemo.platform;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;
import java.util.regex.Pattern;

/**
 * One line per record, text or JSON, with node, request id, user and job id from {@link LogContext}.
 * As a last line of defence it masks anything shaped like a bearer token or a provider API key.
 */
public final class ZemoLogFormatter extends Formatter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;
    private static final Pattern SECRETS = Pattern.compile(
            "(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]{8,}|\\b(zemo_|sk-|sk_)[A-Za-z0-9_-]{8,}");

    private static final java.util.Set<String> CORRELATION =
            java.util.Set.of(LogContext.REQUEST_ID, LogContext.TRACE_ID, LogContext.USER, LogContext.JOB_ID);

    private final boolean json;
    private final String node;

    public ZemoLogFormatter(boolean json, String node) {
        this.json = json;
        this.node = node;
    }

    @Override
    public String format(LogRecord r) {
        Map<String, String> ctx = LogContext.snapshot();
        String message = redact(formatMessage(r));
        String thrown = r.getThrown() == null ? null : redact(stackTrace(r.getThrown()));
        String time = TIME.format(Instant.ofEpochMilli(r.getMillis()).atOffset(ZoneOffset.UTC));
        if (json) {
            StringBuilder sb = new StringBuilder(256).append('{');
            field(sb, "time", time).append(',');
            field(sb, "level", r.getLevel().getName()).append(',');
            field(sb, "logger", r.getLoggerName()).append(',');
            field(sb, "node", node).append(',');
            field(sb, "thread", Thread.currentThread().getName());
            // The correlation fields in a fixed order; the trace id falls back to the request id (no tracer here).
            String requestId = ctx.get(LogContext.REQUEST_ID);
            String traceId = ctx.getOrDefault(LogContext.TRACE_ID, requestId);
            optional(sb, LogContext.REQUEST_ID, requestId);
            optional(sb, LogContext.TRACE_ID, traceId);
            optional(sb, LogContext.USER, ctx.get(LogContext.USER));
            optional(sb, LogContext.JOB_ID, ctx.get(LogContext.JOB_ID));
            for (Map.Entry<String, String> e : ctx.entrySet()) {
                if (!CORRELATION.contains(e.getKey())) {
                    sb.append(',');
                    field(sb, e.getKey(), redact(e.getValue()));
                }
            }
            sb.append(',');
            field(sb, "message", message);
            if (thrown != null) {
                sb.append(',');
                field(sb, "thrown", thrown);
            }
            return sb.append("}\n").toString();
        }
        StringBuilder sb = new StringBuilder(160)
                .append(time).append(' ').append(r.getLevel().getName()).append(' ')
                .append('[').append(node);
        if (ctx.containsKey(LogContext.REQUEST_ID)) {
            sb.append(" req=").append(ctx.get(LogContext.REQUEST_ID));
        }
        if (ctx.containsKey(LogContext.USER)) {
            sb.append(" user=").append(ctx.get(LogContext.USER));
        }
        if (ctx.containsKey(LogContext.JOB_ID)) {
            sb.append(" job=").append(ctx.get(LogContext.JOB_ID));
        }
        sb.append("] ").append(shortName(r.getLoggerName())).append(": ").append(message).append('\n');
        if (thrown != null) {
            sb.append(thrown);
        }
        return sb.toString();
    }

    public static String redact(String s) {
        if (s == null) {
            return null;
        }
        return SECRETS.matcher(s).replaceAll(m -> m.group(1) != null ? m.group(1) + "***" : m.group(2) + "***");
    }

    private static String shortName(String logger) {
        if (logger == null) {
            return "";
        }
        int i = logger.lastIndexOf('.');
        return i < 0 ? logger : logger.substring(i + 1);
    }

    private static String stackTrace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    private static void optional(StringBuilder sb, String name, String value) {
        if (value != null) {
            sb.append(',');
            field(sb, name, value);
        }
    }

    private static StringBuilder field(StringBuilder sb, String name, String value) {
        return sb.append('"').append(name).append("\":").append(JsonText.quote(value));
    }
}
