package com.zemo.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.assertj.core.api.Assertions.assertThat;

class ZemoLogFormatterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ZemoLogFormatter json = new ZemoLogFormatter(true, "zemo-1");

    @AfterEach
    void clear() {
        LogContext.clear();
    }

    private static LogRecord record(Level level, String message, Object... params) {
        LogRecord r = new LogRecord(level, message);
        r.setLoggerName("com.zemo.jobs.control.JobService");
        r.setParameters(params);
        r.setMillis(1_795_881_556_217L);
        return r;
    }

    @Test
    void oneJsonObjectPerLineWithEveryCorrelationField() throws Exception {
        LogContext.put(LogContext.REQUEST_ID, "f549bd6d5f2372fe");
        LogContext.put(LogContext.TRACE_ID, "4bf92f3577b34da6a3ce929d0e0e4736");
        LogContext.put(LogContext.USER, "admin");
        LogContext.put(LogContext.JOB_ID, "42");
        String line = json.format(record(Level.INFO, "job {0} queued", 42));

        assertThat(line).endsWith("}\n").doesNotContain("\n{").hasLineCount(1);
        JsonNode n = JSON.readTree(line);
        assertThat(n.get("time").asText()).isEqualTo("2026-11-28T15:59:16.217Z");
        assertThat(n.get("level").asText()).isEqualTo("INFO");
        assertThat(n.get("logger").asText()).isEqualTo("com.zemo.jobs.control.JobService");
        assertThat(n.get("node").asText()).isEqualTo("zemo-1");
        assertThat(n.get("requestId").asText()).isEqualTo("f549bd6d5f2372fe");
        assertThat(n.get("traceId").asText()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(n.get("user").asText()).isEqualTo("admin");
        assertThat(n.get("jobId").asText()).isEqualTo("42");
        assertThat(n.get("message").asText()).isEqualTo("job 42 queued");
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsSubsequence("time", "level", "logger", "node", "requestId", "traceId", "user", "jobId", "message");
    }

    @Test
    void traceIdFallsBackToTheRequestId() throws Exception {
        LogContext.put(LogContext.REQUEST_ID, "abc123");
        JsonNode n = JSON.readTree(json.format(record(Level.WARNING, "slow")));
        assertThat(n.get("traceId").asText()).isEqualTo("abc123");
        assertThat(n.has("jobId")).isFalse();
        assertThat(n.has("user")).isFalse();
    }

    @Test
    void outsideARequestThereAreNoCorrelationFields() throws Exception {
        JsonNode n = JSON.readTree(json.format(record(Level.INFO, "started")));
        assertThat(n.has("requestId")).isFalse();
        assertThat(n.has("traceId")).isFalse();
    }

    @Test
    void secretsAreMaskedInMessagesAndStackTraces() throws Exception {
        LogRecord r = record(Level.SEVERE, "calling with Authorization: Bearer abcdefghijklmnop1234 and key sk-proj1234567890abcdef");
        r.setThrown(new IllegalStateException("token zemo_sd_Efd_LxI4gUJ1-qWeznU7Bx rejected"));
        String line = json.format(r);
        assertThat(line).doesNotContain("abcdefghijklmnop1234", "proj1234567890abcdef", "sd_Efd_LxI4gUJ1");
        JsonNode n = JSON.readTree(line);
        assertThat(n.get("message").asText()).contains("Bearer ***", "sk-***");
        assertThat(n.get("thrown").asText()).contains("zemo_***", "IllegalStateException");
    }

    @Test
    void quotesNewlinesAndControlCharactersStayInsideTheLine() throws Exception {
        String line = json.format(record(Level.INFO, "line one\nline \"two\"\t\u0001"));
        assertThat(line).hasLineCount(1);
        assertThat(JSON.readTree(line).get("message").asText()).isEqualTo("line one\nline \"two\"\t\u0001");
    }

    @Test
    void textFormatCarriesNodeRequestUserAndJob() {
        LogContext.put(LogContext.REQUEST_ID, "r1");
        LogContext.put(LogContext.USER, "ann");
        LogContext.put(LogContext.JOB_ID, "7");
        String line = new ZemoLogFormatter(false, "zemo-2").format(record(Level.INFO, "hello"));
        assertThat(line).contains("INFO [zemo-2 req=r1 user=ann job=7] JobService: hello");
    }
}
