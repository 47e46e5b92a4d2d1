package com.zemo.legacy.cli;

import com.zemo.legacy.export.ExportResult;
import com.zemo.legacy.export.LegacyExporter;
import com.zemo.legacy.importer.ChunkListener;
import com.zemo.legacy.importer.ImportCheckpoint;
import com.zemo.legacy.importer.ImportOptions;
import com.zemo.legacy.importer.ImportResult;
import com.zemo.legacy.importer.LegacyImporter;
import com.zemo.legacy.mapping.LegacyStatuses;
import com.zemo.legacy.mapping.MappingRules;
import com.zemo.legacy.report.ReconciliationAhead;
import com.zemo.legacy.report.Reconciler;
import com.zemo.legacy.report.ReconciliationReport;
import com.zemo.platform.SchemaMigrator;

import javax.sql.DataSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The legacy import from a shell, for operators and the benchmark:
 * <pre>
 *   import  --source FILE --jdbc URL [--user U] [--password P] [--mode full|delta] [--dry-run]
 *           [--chunk N] [--as-of ISO-INSTANT] [--report-json FILE] [--report-html FILE]
 *   resume  --source FILE --jdbc URL --run ID [...]       (continues a run from its committed checkpoint)
 *   export  --out FILE --jdbc URL
 * </pre>
 * Every command first brings the schema up to date with Flyway, unless {@code --no-migrate} says the
 * database is migrated already (by the application itself, or by a deployment step).
 * The pgcrypto key comes from the environment variable ZEMO_SECRETS_KEY, never from the command line
 * (it would show in the process list). Progress and the report's summary line go to java.util.logging.
 */
public final class LegacyCommand {
    private static final Logger LOG = Logger.getLogger(LegacyCommand.class.getName());

    private LegacyCommand() {
    }

    public static void main(String[] args) throws Exception {
        run(args, System.getenv("ZEMO_SECRETS_KEY"));
    }

    /**
     * The same, with the pgcrypto key given by the caller (the launcher's {@code ./zemo legacy-import} reads it
     * where the application does: ZEMO_SECRETS_KEY or the secrets directory).
     */
    public static void run(String[] args, String secretsKey) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: import|resume|export --jdbc URL ... (see the class comment)");
        }
        Map<String, String> o = options(args);
        Properties connection = new Properties();
        connection.setProperty("user", o.getOrDefault("user", "postgres"));
        if (o.containsKey("password")) {
            connection.setProperty("password", o.get("password"));
        }
        connection.setProperty("stringtype", "unspecified");
        connection.setProperty("reWriteBatchedInserts", "true");
        String key = secretsKey == null ? null : secretsKey.trim();
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("set ZEMO_SECRETS_KEY to the pgcrypto key of the API keys");
        }
        try (ReusedConnections connections = ReusedConnections.of(required(o, "jdbc"), connection)) {
            run(args[0], o, connections, key);
        }
    }

    private static void run(String command, Map<String, String> o, DataSource ds, String key) throws Exception {
        LegacyImporter importer = null;
        ImportOptions options = null;
        Instant asOf = o.containsKey("as-of") ? Instant.parse(o.get("as-of")) : Instant.now();
        if (command.equals("import") || command.equals("resume")) {
            options = new ImportOptions(o.getOrDefault("mode", "full"), Integer.parseInt(o.getOrDefault("chunk", "2000")),
                    key, Duration.parse(o.getOrDefault("stale-after", "PT24H")), o.containsKey("dry-run"));
            importer = new LegacyImporter(ds, Path.of(required(o, "source")), options);
            if (command.equals("import")) {
                importer.readAhead(asOf); // the file is read and converted while Flyway migrates
            }
        }
        if (!o.containsKey("no-migrate")) {
            SchemaMigrator.migrate(ds);
        }
        switch (command) {
            case "import", "resume" -> runImport(command, o, ds, importer, options, asOf);
            case "export" -> {
                ExportResult r = new LegacyExporter(ds, key).export(Path.of(required(o, "out")));
                LOG.info(() -> "exported " + r.totalRows() + " rows to " + r.file() + ": " + r.rowsPerTable());
            }
            default -> throw new IllegalArgumentException("unknown command " + command);
        }
    }

    private static void runImport(String command, Map<String, String> o, DataSource ds, LegacyImporter importer,
                                  ImportOptions options, Instant asOf) throws Exception {
        Path source = Path.of(required(o, "source"));
        long started = System.nanoTime();
        ChunkListener progress = (cp, p) -> {
            if (p.chunks() % 20 == 0) {
                LOG.info(() -> "checkpoint " + cp.table() + " #" + cp.lastSourceId() + " after " + p.chunks() + " chunks");
            }
        };
        ImportCheckpoint from = command.equals("resume")
                ? LegacyImporter.committedCheckpoint(ds, Long.parseLong(required(o, "run")))
                : importer.begin(asOf);
        ImportResult result;
        ReconciliationReport report;
        // Each table is reconciled as soon as it is imported, while the next ones load (see ReconciliationAhead).
        try (ReconciliationAhead ahead = new ReconciliationAhead(new Reconciler(ds, source, options.secretKey(),
                new MappingRules(from.asOf(), options.staleAfter())))) {
            result = importer.resume(from, progress, ahead);
            long importMs = (System.nanoTime() - started) / 1_000_000;
            LOG.info(() -> "import took " + importMs + " ms: " + result.progress());
            if (options.dryRun()) {
                return;
            }
            ahead.importCompleted(result.sourceChecksums());
            report = ahead.finish(result.runId());
        }
        Reconciler.store(ds, report);
        if (o.containsKey("report-json")) {
            Files.writeString(Path.of(o.get("report-json")), report.toJson(), StandardCharsets.UTF_8);
        }
        if (o.containsKey("report-html")) {
            Files.writeString(Path.of(o.get("report-html")), report.toHtml(), StandardCharsets.UTF_8);
        }
        long totalMs = (System.nanoTime() - started) / 1_000_000;
        LOG.info(() -> "import + reconciliation took " + totalMs + " ms; " + report.summary());
        if (!report.balanced()) {
            throw new IllegalStateException("reconciliation does not balance: " + report.summary());
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String name = args[i].substring(2);
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                o.put(name, args[++i]);
            } else {
                o.put(name, "true");
            }
        }
        return o;
    }

    private static String required(Map<String, String> o, String name) {
        String v = o.get(name);
        if (v == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }
}
