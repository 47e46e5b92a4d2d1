package com.zemo.jobs.control;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.StepExecution;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.util.List;
import java.util.Properties;

/**
 * Every JobOperator call of Zemo goes through here: one component (so executions started here can be read,
 * stopped and restarted here), and never inside a container transaction (the batch runtime creates its tables
 * lazily; in a transaction PostgreSQL would roll that DDL back — shared/notes/payara-micro.md).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BatchGateway {

    private JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }

    /**
     * Brings the batch runtime up (its JobOperator and repository tables) on one thread. Left to the first job, several
     * starts at once raced its initialisation ("JobOperatorImpl could not be instantiated") and a job failed.
     */
    public void warmUp() {
        operator().getJobNames();
    }

    public long start(String jobXml, Properties params) {
        return operator().start(jobXml, params);
    }

    public long restart(long executionId, Properties params) {
        return operator().restart(executionId, params);
    }

    public void stop(long executionId) {
        operator().stop(executionId);
    }

    public void abandon(long executionId) {
        operator().abandon(executionId);
    }

    public JobExecution execution(long executionId) {
        return operator().getJobExecution(executionId);
    }

    public List<StepExecution> steps(long executionId) {
        return operator().getStepExecutions(executionId);
    }
}
