package com.zemo.jobs.batch.se;

import com.zemo.jobs.batch.JobRef;
import com.zemo.platform.SchemaMigrator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import org.jberet.runtime.JobExecutionImpl;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.embedded.RedisServer;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * What the batch tests run against, started once per test JVM (JBeret's runtime and its Weld SE container are
 * JVM-wide singletons): a real PostgreSQL (zonky embedded, migrated by {@link SchemaMigrator}), a real Redis
 * (embedded-redis, on a free port; {@code zemo.redis.url} points at it) and JBeret SE with an in-memory job
 * repository (test {@code jberet.properties}). Stopped after the last test.
 * <p>
 * Helpers do what the production dispatcher does around a batch execution: a {@code jobs} row claimed as
 * 'running' with its attempt (the fencing token), job parameters from {@link JobRef#toProperties}, and, for an
 * operator restart or a take-over, the claim that increments the attempt before the new execution.
 */
public final class BatchTestEnvironment implements BeforeAllCallback {
    public static final String NODE = "test-node";
    public static final String SECRETS_KEY = "batch-test-secrets-key-0123456789";
    private static final String KEY = BatchTestEnvironment.class.getName();

    private static volatile Started started;

    private record Started(EmbeddedPostgres pg, RedisServer redis, String redisUrl, PooledDataSource plain, DataSource managed)
            implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws Exception {
            // Weld first (its RedisConnection bean shuts Redisson down), then the servers it talked to.
            try {
                WeldContainer.instance("STATIC_INSTANCE").shutdown();
            } catch (RuntimeException ignored) {
                // never started, or already down
            }
            try {
                redis.stop();
            } finally {
                plain.closeAll();
                pg.close();
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(KEY, k -> start(), Started.class);
    }

    private static synchronized Started start() {
        if (started != null) {
            return started;
        }
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            // As the production pool: stringtype=unspecified (config/payara/post-boot.asadmin).
            PooledDataSource plain = new PooledDataSource(pg.getDatabase("postgres", "postgres", Map.of("stringtype", "unspecified")));
            SchemaMigrator.migrate(plain);
            int port = freePort();
            Path dir = Files.createTempDirectory("zemo-batch-redis");
            RedisServer redis = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("dir " + dir)
                    .setting("appendonly no")
                    .setting("save \"\"")
                    .onShutdownForceStop(true)
                    .build();
            redis.start();
            String redisUrl = "redis://127.0.0.1:" + port;
            // MicroProfile Config (SmallRye) reads system properties before META-INF/microprofile-config.properties.
            System.setProperty("zemo.redis.url", redisUrl);
            System.setProperty("zemo.node.name", NODE);
            System.setProperty("zemo.scrape.allow-private", "true"); // the scrape job's fixture pages are on 127.0.0.1
            System.setProperty("zemo.secrets.key", SECRETS_KEY); // the legacy jobs encrypt API keys with it
            started = new Started(pg, redis, redisUrl, plain, new EnlistingDataSource(plain, ChunkTransactions.INSTANCE));
            return started;
        } catch (IOException e) {
            throw new IllegalStateException("could not start the embedded PostgreSQL or Redis", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Started env() {
        Started s = started;
        if (s == null) {
            throw new IllegalStateException("BatchTestEnvironment not started: annotate the test with @ExtendWith(BatchTestEnvironment.class)");
        }
        return s;
    }

    /** For the tests' own queries: plain auto-commit connections. */
    public static DataSource db() {
        return env().plain();
    }

    /** The {@code @ZemoDb} data source the artifacts get. */
    static DataSource managedDataSource() {
        return env().managed();
    }

    public static String redisUrl() {
        return env().redisUrl();
    }

    /** A bean of the Weld SE container the batch artifacts live in (started here if no job has run yet). */
    public static <T> T bean(Class<T> type) {
        new org.jberet.se.SEArtifactFactory(); // initializes the shared container once
        return WeldContainer.instance("STATIC_INSTANCE").select(type).get();
    }

    public static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }

    /** A job as the dispatcher leaves it when it launches attempt 1: running, attempts 1, no owner. */
    public static JobRef claimNewJob(String type) throws SQLException {
        try (Connection c = db().getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO jobs (type, status, attempts, owner_id, node, started_at, heartbeat_at) "
                             + "VALUES (?, 'running', 1, NULL, ?, now(), now()) RETURNING id")) {
            ps.setString(1, type);
            ps.setString(2, NODE);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new JobRef(rs.getLong(1), 1, NODE);
            }
        }
    }

    /**
     * The job queued again (operator restart, or take-over after its node stopped heartbeating) and claimed by the
     * dispatcher: running, attempt incremented. Same columns as {@code JobService.restart} + {@code JobDispatcher.claim}.
     */
    public static JobRef claimAgain(long jobId, String resumeMode) throws SQLException {
        try (Connection c = db().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE jobs SET status = 'queued', resume_mode = ?, finished_at = NULL, error = NULL, node = NULL, "
                            + "stop_requested = FALSE, queued_at = now(), takeovers = takeovers + CASE WHEN ? = 'takeover' THEN 1 ELSE 0 END "
                            + "WHERE id = ?")) {
                ps.setString(1, resumeMode);
                ps.setString(2, resumeMode);
                ps.setLong(3, jobId);
                ps.executeUpdate();
            }
            int attempt;
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE jobs SET status = 'running', node = ?, attempts = attempts + 1, heartbeat_at = now(), "
                            + "stop_requested = FALSE, version = version + 1, resume_mode = NULL WHERE id = ? AND status = 'queued' RETURNING attempts")) {
                ps.setString(1, NODE);
                ps.setLong(2, jobId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("job " + jobId + " not found");
                    }
                    attempt = rs.getInt(1);
                }
            }
            c.commit();
            return new JobRef(jobId, attempt, NODE);
        }
    }

    /** Job parameters as the dispatcher builds them: the job's own parameters plus id, attempt and node. */
    public static Properties params(JobRef ref, Map<String, String> jobParams) {
        Properties p = new Properties();
        p.putAll(jobParams);
        return ref.toProperties(p);
    }

    /** Waits for an execution to end (JBeret runs it on its own thread) and returns its batch status. */
    public static BatchStatus await(long executionId) throws InterruptedException {
        JobExecutionImpl execution = (JobExecutionImpl) operator().getJobExecution(executionId);
        execution.awaitTermination(30, TimeUnit.SECONDS);
        return operator().getJobExecution(executionId).getBatchStatus();
    }

    public static StepExecution step(long executionId, String name) {
        return operator().getStepExecutions(executionId).stream().filter(s -> s.getStepName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("execution " + executionId + " has no step " + name));
    }

    public static long metric(StepExecution step, Metric.MetricType type) {
        for (Metric m : step.getMetrics()) {
            if (m.getType() == type) {
                return m.getValue();
            }
        }
        throw new AssertionError("no metric " + type + " in step " + step.getStepName());
    }

    public static long count(String sql, Object... args) throws SQLException {
        try (Connection c = db().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public static Map<String, Object> row(String sql, Object... args) throws SQLException {
        try (Connection c = db().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new AssertionError("no row for " + sql);
                }
                Map<String, Object> row = new java.util.LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                }
                return row;
            }
        }
    }

    public static int update(String sql, Object... args) throws SQLException {
        try (Connection c = db().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }
}
