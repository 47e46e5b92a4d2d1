package com.zemo.jobs.control;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

/** One batch execution behind a job, with its steps' counts and checkpoints, as the batch repository has them. */
@Schema(name = "BatchExecution")
public record ExecutionInfo(long executionId, String node, int attempt, String kind, String batchStatus, String exitStatus,
                            OffsetDateTime start, OffsetDateTime end, List<Step> steps) implements java.io.Serializable {

    @Schema(name = "StepExecution")
    public record Step(long stepExecutionId, String name, String batchStatus, String exitStatus, OffsetDateTime start, OffsetDateTime end,
                       long read, long write, long commit, long rollback, long readSkip, long processSkip, long writeSkip, long filter) implements java.io.Serializable {
    }
}
