package com.zemo.pipeline.batch;

import com.zemo.jobs.batch.JobRef;
import com.zemo.jobs.batch.JobRuntime;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.io.StringReader;
import java.sql.Connection;
import java.util.Optional;

/** The pipeline's result: each step's job and result, and the ids a client needs next (analysis, generation). */
@Dependent
@Named("pipelineSummaryBatchlet")
public class PipelineSummaryBatchlet extends AbstractBatchlet {

    @Inject
    JobContext ctx;

    @Inject
    JobRuntime runtime;

    @Override
    public String process() throws Exception {
        JobRef job = JobRef.of(ctx, BatchRuntime.getJobOperator());
        JsonObjectBuilder result = Json.createObjectBuilder();
        JsonArrayBuilder steps = Json.createArrayBuilder();
        try (Connection c = runtime.dataSource().getConnection()) {
            for (PipelineStep s : PipelineStep.values()) {
                Optional<PipelineChildren.Child> child = PipelineChildren.latest(c, job.jobId(), s.type());
                if (child.isEmpty()) {
                    continue;
                }
                PipelineChildren.Child ch = child.get();
                JsonObjectBuilder step = Json.createObjectBuilder().add("step", s.type()).add("jobId", ch.id()).add("status", ch.status());
                if (ch.result() != null) {
                    var r = Json.createReader(new StringReader(ch.result())).readValue();
                    step.add("result", r);
                    if (r instanceof jakarta.json.JsonObject o) {
                        if (o.containsKey("analysisId")) {
                            result.add("analysisId", o.get("analysisId"));
                        }
                        if (o.containsKey("generationId")) {
                            result.add("generationId", o.get("generationId"));
                        }
                        if (o.containsKey("score")) {
                            result.add("score", o.get("score"));
                        }
                    }
                }
                steps.add(step);
            }
        }
        ctx.setTransientUserData(result.add("steps", steps).build().toString());
        return "COMPLETED";
    }
}
