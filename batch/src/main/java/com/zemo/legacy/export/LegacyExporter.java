package com.zemo.legacy.export;

import com.zemo.legacy.importer.PooledSession;
import org.sqlite.SQLiteConfig;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The way back: writes what PostgreSQL holds, legacy rows and rows created in Zemo after the cut-over, into a
 * new SQLite file with the monolith's exact schema (schema_version 7), secrets decrypted to clear text (the
 * monolith reads them so), statuses, timestamps and booleans in the monolith's canonical spellings.
 * The file is written under a temporary name and moved into place when complete, so a crash never leaves a
 * half-written file where the monolith would pick it up.
 */
public final class LegacyExporter {
    private static final Logger LOG = Logger.getLogger(LegacyExporter.class.getName());
    private static final String SCHEMA = "monolith-schema-v7.sql";

    private final DataSource target;
    private final String secretKey;

    public LegacyExporter(DataSource target, String secretKey) {
        this.target = target;
        this.secretKey = secretKey;
    }

    public ExportResult export(Path out) throws SQLException, IOException {
        if (Files.exists(out)) {
            throw new IOException("refusing to overwrite " + out + ": export into a new file");
        }
        Path tmp = out.resolveSibling(out.getFileName() + ".part");
        Files.deleteIfExists(tmp);
        Map<String, Long> counts = new LinkedHashMap<>();
        SQLiteConfig config = new SQLiteConfig();
        // A new file nobody reads until it is moved into place: no journal needed while writing it.
        config.setJournalMode(SQLiteConfig.JournalMode.OFF);
        config.setSynchronous(SQLiteConfig.SynchronousMode.OFF);
        try (Connection sqlite = config.createConnection("jdbc:sqlite:" + tmp.toAbsolutePath());
             Connection pg = target.getConnection(); PooledSession ignored = PooledSession.restoreOnClose(pg)) {
            pg.setAutoCommit(false); // streams the big tables with a cursor
            pg.setReadOnly(true);
            createSchema(sqlite);
            sqlite.setAutoCommit(false);
            TableExports tables = new TableExports(pg, sqlite, secretKey);
            counts.put("users", tables.users());
            counts.put("settings", tables.settings());
            counts.put("prompts", tables.prompts());
            counts.put("tasks", tables.tasks());
            counts.put("task_logs", tables.taskLogs());
            counts.put("serp_results", tables.serpResults());
            counts.put("pages", tables.pages());
            counts.put("analyses", tables.analyses());
            counts.put("generations", tables.generations());
            sqlite.commit();
            pg.rollback();
        } catch (SQLException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE);
        LOG.info(() -> "exported to " + out + ": " + counts);
        return new ExportResult(out, counts);
    }

    private static void createSchema(Connection sqlite) throws SQLException {
        String ddl;
        try (InputStream in = LegacyExporter.class.getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA + " missing from the class path");
            }
            ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Statement st = sqlite.createStatement()) {
            // Split at statement ends only, comments kept: SQLite stores each CREATE's text as written, and the
            // monolith's schema must read back identical.
            for (String statement : ddl.split(";\\s*\\n")) {
                if (!statement.replaceAll("(?m)^\\s*--.*$", "").isBlank()) {
                    st.executeUpdate(statement);
                }
            }
            st.executeUpdate("INSERT INTO schema_meta (key, value) VALUES ('schema_version', '7')");
        }
    }
}
