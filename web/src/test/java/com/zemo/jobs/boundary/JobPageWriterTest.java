package com.zemo.jobs.boundary;

import com.zemo.platform.boundary.JsonbConfigurationAccess;
import com.zemo.platform.boundary.PageOf;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JobPageWriterTest {
    private static final OffsetDateTime T = OffsetDateTime.of(2026, 11, 29, 4, 17, 5, 400_680_000, ZoneOffset.UTC);

    @Test
    void writesTheDocumentJsonBWrites() throws Exception {
        List<JobViews.Summary> items = List.of(
                new JobViews.Summary(1, "demo", "completed", 1L, new JobViews.Progress(1, 1L, 100), null, null, 0, T, null,
                        T.plusSeconds(1), null),
                new JobViews.Summary(2, "pipeline", "running", null, new JobViews.Progress(3, null, 0), "scrape \"pages\"",
                        "node-a", 2, T, T.plusNanos(1000), null, "ошибка\n\t<tab> \u0001 \\ end"),
                new JobViews.Summary(Long.MAX_VALUE, "x", "queued", 5L, null, null, null, Integer.MAX_VALUE,
                        OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(3)), null, null, ""));
        for (PageOf<JobViews.Summary> page : List.of(new PageOf<>(items, 2, 20, 10_000), new PageOf<JobViews.Summary>(List.of(), 0, 20, 0))) {
            String expected = JsonbConfigurationAccess.jsonb().toJson(page, PageOf.class);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new JobPageWriter().writeTo(page, PageOf.class, null, null, null, null, out);
            assertEquals(expected, out.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void coversEveryFieldOfTheSummary() {
        // Fails when JobViews.Summary gains a component: JobPageWriter must write it too (and this list be updated).
        assertEquals(List.of("id", "type", "status", "ownerId", "progress", "currentStep", "node", "attempts", "createdAt", "startedAt",
                "finishedAt", "error"), Arrays.stream(JobViews.Summary.class.getRecordComponents()).map(RecordComponent::getName).toList());
        assertEquals(List.of("done", "total", "percent"),
                Arrays.stream(JobViews.Progress.class.getRecordComponents()).map(RecordComponent::getName).toList());
    }

    @Test
    void takesOnlyPagesOfJobSummaries() throws Exception {
        JobPageWriter w = new JobPageWriter();
        assertTrue(w.isWriteable(PageOf.class, JobsResource.class.getMethod("list", String.class, String.class, Long.class, String.class,
                String.class, String.class, String.class, String.class, Integer.class, Integer.class).getGenericReturnType(), null, null));
        assertFalse(w.isWriteable(PageOf.class, PageOf.class, null, null));
    }
}
