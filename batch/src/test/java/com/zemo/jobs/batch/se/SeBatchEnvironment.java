package com.zemo.jobs.batch.se;

import jakarta.transaction.TransactionManager;
import org.jberet.repository.JobRepository;
import org.jberet.se.BatchSEEnvironment;
import org.jberet.spi.ArtifactFactory;
import org.jberet.spi.BatchEnvironment;
import org.jberet.spi.JobTask;
import org.jberet.spi.JobXmlResolver;

import java.util.Properties;

/**
 * JBeret SE's environment (jberet.properties, Weld SE artifacts, class-path job XML, thread pool) with one change:
 * the chunk transactions are real PostgreSQL transactions ({@link ChunkTransactions}). Registered in
 * {@code META-INF/services/org.jberet.spi.BatchEnvironment} of the test classes, which come first on the class
 * path, so JBeret's service lookup (first one wins) finds it before {@code BatchSEEnvironment}, which is final.
 */
public final class SeBatchEnvironment implements BatchEnvironment {
    private final BatchSEEnvironment se = new BatchSEEnvironment();

    @Override
    public ClassLoader getClassLoader() {
        return se.getClassLoader();
    }

    @Override
    public ArtifactFactory getArtifactFactory() {
        return se.getArtifactFactory();
    }

    @Override
    public void submitTask(JobTask task) {
        se.submitTask(task);
    }

    @Override
    public TransactionManager getTransactionManager() {
        return ChunkTransactions.INSTANCE;
    }

    @Override
    public JobRepository getJobRepository() {
        return se.getJobRepository();
    }

    @Override
    public JobXmlResolver getJobXmlResolver() {
        return se.getJobXmlResolver();
    }

    @Override
    public Properties getBatchConfigurationProperties() {
        return se.getBatchConfigurationProperties();
    }

    @Override
    public String getApplicationName() {
        return se.getApplicationName();
    }
}
