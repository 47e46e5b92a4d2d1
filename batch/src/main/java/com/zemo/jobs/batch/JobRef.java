package com.zemo.jobs.batch;

import jakarta.batch.runtime.context.JobContext;

import java.util.Properties;

/**
 * Which Zemo job (and which attempt of it) a batch execution works for. The attempt is the fencing token:
 * every write of a chunk checks it, so an execution that lost its job (take-over) cannot commit.
 */
public record JobRef(long jobId, int attempt, String node) {
    public static final String JOB_ID = "zemo.jobId";
    public static final String ATTEMPT = "zemo.attempt";
    public static final String NODE = "zemo.node";

    public static JobRef of(JobContext ctx, jakarta.batch.operations.JobOperator operator) {
        Properties p = operator.getParameters(ctx.getExecutionId());
        return of(p);
    }

    public static JobRef of(Properties p) {
        return new JobRef(Long.parseLong(p.getProperty(JOB_ID)), Integer.parseInt(p.getProperty(ATTEMPT, "1")),
                p.getProperty(NODE, "node"));
    }

    public Properties toProperties(Properties params) {
        Properties p = new Properties();
        if (params != null) {
            p.putAll(params);
        }
        p.setProperty(JOB_ID, Long.toString(jobId));
        p.setProperty(ATTEMPT, Integer.toString(attempt));
        p.setProperty(NODE, node);
        return p;
    }
}
