package com.zemo.jobs.batch.se;

import com.zemo.platform.ZemoDb;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;

import javax.sql.DataSource;

/**
 * Replaces {@code com.zemo.platform.DataSources} (a JNDI lookup of jdbc/zemo, which Weld SE does not have) with the
 * embedded PostgreSQL of {@link BatchTestEnvironment}, enlisted in the chunk transactions.
 */
@ApplicationScoped
@Alternative
@Priority(1000)
public class TestDataSources {

    @Produces
    @ZemoDb
    DataSource zemo() {
        return BatchTestEnvironment.managedDataSource();
    }
}
