package com.zemo.platform;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;

/**
 * Brings the database to the latest schema with Flyway. Called by the launcher before the server boots
 * and by the application at start-up (for deployments without the launcher); the second call is a no-op.
 */
public final class SchemaMigrator {
    private SchemaMigrator() {
    }

    /** @return how many migrations were applied now (0 when the schema was already current). */
    public static int migrate(DataSource dataSource) {
        Flyway flyway = Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .table("flyway_schema_history")
                // Two nodes starting together: Flyway takes a PostgreSQL advisory lock, the second waits.
                .lockRetryCount(120)
                .load();
        MigrateResult result = flyway.migrate();
        return result.migrationsExecuted;
    }

    public static String currentVersion(DataSource dataSource) {
        Flyway flyway = Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(dataSource).locations("classpath:db/migration").load();
        var current = flyway.info().current();
        return current == null ? null : current.getVersion().getVersion();
    }
}
