package com.zemo.jobs.boundary;

import com.zemo.platform.boundary.IsoTimestamps;
import com.zemo.platform.boundary.PageOf;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Writes a page of job summaries ({@code GET /api/v1/jobs}, the API's most requested list) with a JSON-P generator:
 * the same document JSON-B writes (properties in lexicographic order, nulls left out, timestamps as
 * {@link IsoTimestamps}), which {@code JobPageWriterTest} checks, without JSON-B's reflection, per-value serializer
 * lookup and cycle bookkeeping, which were about a seventh of the node's CPU for a list request (docs/benchmarks.md,
 * issue 3). A new field of {@link JobViews.Summary} must be added here too; the test fails until it is.
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class JobPageWriter implements MessageBodyWriter<PageOf<JobViews.Summary>> {
    private static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(Map.of());

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == PageOf.class && genericType instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] == JobViews.Summary.class;
    }

    @Override
    public void writeTo(PageOf<JobViews.Summary> page, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> headers, OutputStream out) {
        try (JsonGenerator g = GENERATORS.createGenerator(out)) {
            write(page, g);
        }
    }

    static void write(PageOf<JobViews.Summary> page, JsonGenerator g) {
        g.writeStartObject();
        g.writeStartArray("items");
        for (JobViews.Summary s : page.items()) {
            summary(s, g);
        }
        g.writeEnd();
        g.write("page", page.page());
        g.write("size", page.size());
        g.write("total", page.total());
        g.writeEnd();
    }

    private static void summary(JobViews.Summary s, JsonGenerator g) {
        g.writeStartObject();
        g.write("attempts", s.attempts());
        time(g, "createdAt", s.createdAt());
        text(g, "currentStep", s.currentStep());
        text(g, "error", s.error());
        time(g, "finishedAt", s.finishedAt());
        g.write("id", s.id());
        text(g, "node", s.node());
        if (s.ownerId() != null) {
            g.write("ownerId", s.ownerId());
        }
        if (s.progress() != null) {
            g.writeStartObject("progress");
            g.write("done", s.progress().done());
            g.write("percent", s.progress().percent());
            if (s.progress().total() != null) {
                g.write("total", s.progress().total());
            }
            g.writeEnd();
        }
        time(g, "startedAt", s.startedAt());
        text(g, "status", s.status());
        text(g, "type", s.type());
        g.writeEnd();
    }

    private static void text(JsonGenerator g, String name, String value) {
        if (value != null) {
            g.write(name, value);
        }
    }

    private static void time(JsonGenerator g, String name, OffsetDateTime value) {
        if (value != null) {
            g.write(name, IsoTimestamps.format(value));
        }
    }
}
