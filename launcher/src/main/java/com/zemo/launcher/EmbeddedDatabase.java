package com.zemo.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * A real PostgreSQL 16 from the zonky binaries artifact, its data kept under {@code $ZEMO_HOME/pgdata}
 * between runs, on a free loopback port.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class.getName());
    public static final String DATABASE = "zemo";
    public static final String USER = "zemo";
    public static final String PASSWORD = "zemo";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedDatabase start(Path home) throws IOException, SQLException {
        Path data = home.resolve("pgdata");
        Path work = home.resolve("pgbin");
        Files.createDirectories(work);
        boolean fresh = !Files.exists(data.resolve("PG_VERSION"));
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(work.toFile())
                .setPort(Ports.free())
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "300")
                .setServerConfig("shared_buffers", "128MB")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setRegisterShutdownHook(true)
                .start();
        EmbeddedDatabase db = new EmbeddedDatabase(pg);
        db.ensureDatabase();
        LOG.info(() -> (fresh ? "initialised" : "reopened") + " embedded PostgreSQL in " + data + " on port " + pg.getPort());
        return db;
    }

    private void ensureDatabase() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + USER + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER + " ENCODING 'UTF8'");
                }
            }
        }
        // Extensions need a superuser: create them here so the migration (run as zemo) finds them.
        try (Connection c = postgres.getDatabase("postgres", DATABASE).getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pgcrypto");
            s.execute("CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\"");
            // The legacy import checks a chunk's foreign keys in one query per key instead of PostgreSQL's trigger
            // per row, which needs this (PostgreSQL 15+); zemo owns the tables, so it gains no power over them.
            s.execute("GRANT SET ON PARAMETER session_replication_role TO " + USER);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
