package com.zemo.launcher;

import com.zemo.platform.AdminBootstrap;
import com.zemo.platform.SchemaMigrator;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Everything one {@code ./zemo run} starts: PostgreSQL and Redis (embedded unless the settings name external
 * ones), the schema, the first admin, and one or more Payara Micro nodes. Integration tests use it too, so
 * they boot Zemo exactly as a user does.
 */
public final class ZemoStack implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ZemoStack.class.getName());
    public static final String SECRETS_KEY_FILE = "zemo.secrets.key";

    private final LauncherSettings settings;
    private final Path runtime;
    private EmbeddedDatabase embeddedDb;
    private EmbeddedRedis embeddedRedis;
    private String dbUrl;
    private String dbUser;
    private String dbPassword;
    private String redisUrl;
    private Optional<String> createdAdminPassword = Optional.empty();
    private int migrationsApplied = -1;   // -1 until startInfrastructure() migrated
    private final List<PayaraNode> nodes = new ArrayList<>();
    private final Map<String, String> extraNodeEnv = new HashMap<>();

    public ZemoStack(LauncherSettings settings, Path runtime) {
        this.settings = settings;
        this.runtime = runtime;
    }

    /** Extra environment for every node started later (tests use it to lower limits). */
    public ZemoStack withNodeEnv(Map<String, String> env) {
        extraNodeEnv.putAll(env);
        return this;
    }

    /** Starts the data services, migrates and creates the first admin. */
    public ZemoStack startInfrastructure() throws Exception {
        Files.createDirectories(settings.home());
        if (settings.dbUrl().isPresent()) {
            dbUrl = settings.dbUrl().get();
            dbUser = settings.dbUser();
            dbPassword = settings.dbPassword();
        } else {
            embeddedDb = EmbeddedDatabase.start(settings.home());
            dbUrl = embeddedDb.jdbcUrl();
            dbUser = EmbeddedDatabase.USER;
            dbPassword = EmbeddedDatabase.PASSWORD;
        }
        if (settings.redisUrl().isPresent()) {
            redisUrl = settings.redisUrl().get();
        } else {
            embeddedRedis = EmbeddedRedis.start(settings.home());
            redisUrl = embeddedRedis.url();
        }
        ensureSecretsKey();
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(dbUrl);
        ds.setUser(dbUser);
        ds.setPassword(dbPassword);
        migrationsApplied = SchemaMigrator.migrate(ds);
        createdAdminPassword = AdminBootstrap.ensureAdmin(ds, settings.adminPassword().orElse(null));
        return this;
    }

    /** A random key for pgcrypto, made once and kept in the secrets directory (never in the database). */
    private void ensureSecretsKey() throws IOException {
        Path dir = settings.home().resolve("secrets");
        Files.createDirectories(dir);
        Path key = dir.resolve(SECRETS_KEY_FILE);
        if (System.getenv("ZEMO_SECRETS_KEY") == null && !Files.exists(key)) {
            byte[] raw = new byte[32];
            new SecureRandom().nextBytes(raw);
            Files.writeString(key, Base64.getEncoder().encodeToString(raw));
            try {
                Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                LOG.warning("cannot restrict permissions of " + key);
            }
        }
    }

    public PayaraNode startNode(String name, int httpPort, boolean echo) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("ZEMO_REDIS_URL", redisUrl);
        settings.redisPassword().ifPresent(p -> env.put("ZEMO_REDIS_PASSWORD", p));
        env.put("ZEMO_HOME", settings.home().toString());
        env.put("ZEMO_HTTP_PORT", Integer.toString(httpPort));
        // startInfrastructure() migrated already: the node's own Flyway check would only repeat it (about 0.5 s of a start)
        if (migrationsApplied >= 0 && System.getenv("ZEMO_MIGRATE_ON_START") == null) {
            env.put("ZEMO_MIGRATE_ON_START", "false");
        }
        if (settings.demo()) {
            env.put("ZEMO_DEMO", "true");
        }
        env.putAll(extraNodeEnv);
        PayaraNode node = PayaraNode.start(runtime, settings.home(), name, httpPort, settings.javaOpts(), env,
                PostBoot.Db.of(dbUrl, dbUser, dbPassword), echo, settings.classDataSharing());
        nodes.add(node);
        return node;
    }

    public PayaraNode startNodeAndWait(String name, int httpPort, boolean echo, Duration timeout) throws Exception {
        PayaraNode node = startNode(name, httpPort, echo);
        node.awaitReady(timeout);
        return node;
    }

    public Optional<String> createdAdminPassword() { return createdAdminPassword; }
    public int migrationsApplied() { return migrationsApplied; }
    public String dbUrl() { return dbUrl; }
    public String dbUser() { return dbUser; }
    public String dbPassword() { return dbPassword; }
    public String redisUrl() { return redisUrl; }
    public List<PayaraNode> nodes() { return List.copyOf(nodes); }
    public LauncherSettings settings() { return settings; }

    @Override
    public void close() {
        for (PayaraNode n : nodes) {
            try {
                n.close();
            } catch (Exception e) {
                LOG.warning("stopping node " + n.name() + ": " + e);
            }
        }
        if (embeddedRedis != null) {
            try {
                embeddedRedis.close();
            } catch (Exception e) {
                LOG.warning("stopping Redis: " + e);
            }
        }
        if (embeddedDb != null) {
            try {
                embeddedDb.close();
            } catch (Exception e) {
                LOG.warning("stopping PostgreSQL: " + e);
            }
        }
    }
}
