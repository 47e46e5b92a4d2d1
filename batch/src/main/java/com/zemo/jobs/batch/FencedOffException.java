package com.zemo.jobs.batch;

/**
 * This execution no longer owns its job (another node took it over, or an operator stopped or canceled it):
 * the chunk must not commit. Thrown from the writer, it rolls the chunk back.
 */
public class FencedOffException extends RuntimeException {
    public FencedOffException(long jobId, int attempt) {
        super("job " + jobId + " attempt " + attempt + " is no longer the owner of the job; not committing");
    }
}
