package com.zemo.platform.control;

import com.zemo.platform.AdminBootstrap;
import com.zemo.platform.SchemaMigrator;
import com.zemo.platform.ZemoConfig;
import com.zemo.platform.ZemoLogFormatter;
import com.zemo.platform.ZemoDb;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * Runs once when the application starts on a node: logging for Zemo's own loggers, the schema (a no-op when
 * the launcher already migrated), and the first admin for deployments without the launcher.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StartupTasks {
    private static final Logger ZEMO = Logger.getLogger("com.zemo");
    private static final Logger LOG = Logger.getLogger(StartupTasks.class.getName());

    @Inject
    @ZemoDb
    DataSource dataSource;

    @Inject
    ZemoConfig config;

    @PostConstruct
    void start() {
        configureLogging();
        if (config.migrateOnStart()) {
            int applied = SchemaMigrator.migrate(dataSource);
            LOG.info(() -> applied == 0 ? "schema up to date" : "schema migrated: " + applied + " migrations");
        }
        createFirstAdmin();
        if (!config.hasSecretsKey()) {
            LOG.warning("zemo.secrets.key is not configured: secret settings (API keys) cannot be stored or read");
        }
    }

    /** Without the launcher (Payara Server, containers) the generated password goes to a private file, never to a log. */
    private void createFirstAdmin() {
        try {
            var created = AdminBootstrap.ensureAdmin(dataSource, config.adminPassword().orElse(null));
            if (created.isPresent() && config.adminPassword().isEmpty()) {
                Path file = Path.of(config.home()).resolve("initial-admin-password");
                Files.createDirectories(file.getParent());
                Files.writeString(file, created.get() + "\n");
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                LOG.warning("created user 'admin'; its password is in " + file + " (read it, then delete the file)");
            } else if (created.isPresent()) {
                LOG.info("created user 'admin' with the configured password");
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not create the first administrator", e);
        }
    }

    private void configureLogging() {
        Level level = Level.parse(config.logLevel().toUpperCase());
        ZEMO.setLevel(level);
        for (Handler h : ZEMO.getHandlers()) {
            ZEMO.removeHandler(h);
            h.close();
        }
        // Straight to the process's stdout: System.out inside the server is itself a logger.
        PrintStream stdout = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        StreamHandler console = new StreamHandler(stdout, new ZemoLogFormatter("json".equalsIgnoreCase(config.logFormat()), config.nodeName())) {
            @Override
            public synchronized void publish(java.util.logging.LogRecord record) {
                super.publish(record);
                flush();
            }
        };
        console.setLevel(level);
        ZEMO.addHandler(console);
        try {
            Path logs = Path.of(config.home()).resolve("logs");
            Files.createDirectories(logs);
            FileHandler file = new FileHandler(logs.resolve("zemo-" + config.nodeName() + ".%g.jsonl").toString(), 20_000_000, 5, true);
            file.setEncoding("UTF-8");
            file.setFormatter(new ZemoLogFormatter(true, config.nodeName()));
            file.setLevel(level);
            ZEMO.addHandler(file);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "no log file under " + config.home() + "/logs", e);
        }
        ZEMO.setUseParentHandlers(false);
    }
}
