package com.zemo.jobs.boundary;

import com.zemo.jobs.control.JobSummaryRow;
import com.zemo.jobs.entity.Job;
import com.zemo.jobs.entity.JobLog;
import com.zemo.platform.boundary.PageOf;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.List;

/** JSON shapes of the jobs API. */
public final class JobViews {
    private JobViews() {
    }

    /** Stored JSON text for a view record: null (left out) when there is none. */
    public static JsonValue json(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Json.createReader(new StringReader(text)).readValue();
    }

    @Schema(name = "NewJob")
    public record NewJob(@Schema(required = true, example = "demo") String type,
                         @Schema(example = "{\"items\": 100, \"itemMillis\": 10}") JsonObject params) {
    }

    @Schema(name = "JobCreated")
    public record Created(long id, String status) {
    }

    @Schema(name = "Progress")
    public record Progress(long done, Long total, int percent) {
    }

    @Schema(name = "JobSummary")
    public record Summary(long id, String type, String status, Long ownerId, Progress progress, String currentStep, String node,
                          int attempts, OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime finishedAt, String error) {
        public static Summary of(Job j) {
            return new Summary(j.getId(), j.getType(), j.getStatus().dbValue(), j.getOwnerId(),
                    new Progress(j.getProgressDone(), j.getProgressTotal(), j.percent()), j.getCurrentStep(), j.getNode(), j.getAttempts(),
                    j.getCreatedAt(), j.getStartedAt(), j.getFinishedAt(), j.getError());
        }

        public static Summary of(JobSummaryRow r) {
            return new Summary(r.id(), r.type(), r.status().dbValue(), r.ownerId(), new Progress(r.progressDone(), r.progressTotal(), r.percent()),
                    r.currentStep(), r.node(), r.attempts(), r.createdAt(), r.startedAt(), r.finishedAt(), r.error());
        }

        /** Equal summaries have equal ids; the id alone keeps JSON-B's cycle check cheap (see {@link PageOf#hashCode()}). */
        @Override
        public int hashCode() {
            return Long.hashCode(id);
        }
    }

    @Schema(name = "JobDetail")
    public record Detail(long id, String type, String status, Long ownerId, Long parentId, JsonValue params, JsonValue result, String error,
                         Progress progress, String currentStep, String node, int attempts, int takeovers, boolean stopRequested,
                         JsonValue checkpoint, OffsetDateTime createdAt, OffsetDateTime queuedAt, OffsetDateTime startedAt,
                         OffsetDateTime finishedAt, OffsetDateTime heartbeatAt, List<Summary> children, List<com.zemo.jobs.control.ExecutionInfo> executions) {
        static Detail of(Job j, List<Job> children, List<com.zemo.jobs.control.ExecutionInfo> executions) {
            return new Detail(j.getId(), j.getType(), j.getStatus().dbValue(), j.getOwnerId(), j.getParentId(), json(j.getParams()),
                    json(j.getResult()), j.getError(), new Progress(j.getProgressDone(), j.getProgressTotal(), j.percent()), j.getCurrentStep(),
                    j.getNode(), j.getAttempts(), j.getTakeovers(), j.isStopRequested(), json(j.getCheckpoint()), j.getCreatedAt(),
                    j.getQueuedAt(), j.getStartedAt(), j.getFinishedAt(), j.getHeartbeatAt(),
                    children.stream().map(Summary::of).toList(), executions);
        }
    }

    @Schema(name = "JobLogLine")
    public record LogLine(long id, OffsetDateTime at, String level, String step, String node, String message) {
        static LogLine of(JobLog l) {
            return new LogLine(l.getId(), l.getAt(), l.getLevel(), l.getStep(), l.getNode(), l.getMessage());
        }
    }

    @Schema(name = "JobLogPage", description = "Log lines after `after` (a line id), oldest first; `next` is the id to pass as `after` for more")
    public record LogPage(List<LogLine> items, long next, boolean more) {
    }
}
