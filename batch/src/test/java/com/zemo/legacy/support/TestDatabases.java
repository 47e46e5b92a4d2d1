package com.zemo.legacy.support;

import org.flywaydb.core.Flyway;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** One embedded PostgreSQL for the whole test run; each test gets its own freshly migrated database. */
public final class TestDatabases {
    private static EmbeddedPostgres server;
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestDatabases() {
    }

    private static synchronized EmbeddedPostgres server() throws IOException {
        if (server == null) {
            server = EmbeddedPostgres.builder().start();
            EmbeddedPostgres s = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    s.close();
                } catch (IOException e) {
                    throw new IllegalStateException("stopping the embedded PostgreSQL failed", e);
                }
            }));
        }
        return server;
    }

    public static DataSource fresh() throws IOException, SQLException {
        EmbeddedPostgres pg = server();
        String name = "legacy_" + COUNTER.incrementAndGet();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        DataSource ds = pg.getDatabase("postgres", name, Map.of("stringtype", "unspecified"));
        migrate(ds);
        return ds;
    }

    /**
     * The database behind {@code ds}, as {@code role} (created with LOGIN and every right on the schema's tables
     * and sequences when it is new): for what the importer does without superuser rights.
     */
    public static DataSource asRole(DataSource ds, String role) throws IOException, SQLException {
        String database;
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            try (var rs = st.executeQuery("SELECT current_database()")) {
                rs.next();
                database = rs.getString(1);
            }
            try (var rs = st.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'")) {
                if (!rs.next()) {
                    st.execute("CREATE ROLE " + role + " LOGIN");
                }
            }
            st.execute("GRANT ALL ON ALL TABLES IN SCHEMA public TO " + role);
            st.execute("GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO " + role);
        }
        return server().getDatabase(role, database, Map.of("stringtype", "unspecified"));
    }

    /**
     * Migrates with this checkout's own migration files (V1, this branch's V3, and whatever else the
     * working tree holds), not with the zemo-persistence jar in the local Maven repository, which other
     * worktrees on the same machine may have installed from another branch.
     */
    public static void migrate(DataSource ds) {
        Path dir = migrationsDir();
        Flyway.configure().dataSource(ds).locations("filesystem:" + dir.toAbsolutePath()).load().migrate();
    }

    public static Path migrationsDir() {
        Path base = Path.of(System.getProperty("basedir", "."));
        Path dir = base.resolve("../persistence/src/main/resources/db/migration").normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("migrations not found at " + dir);
        }
        return dir;
    }
}
