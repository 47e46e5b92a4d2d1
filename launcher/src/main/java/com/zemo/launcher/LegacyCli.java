package com.zemo.launcher;

import com.zemo.legacy.cli.LegacyCommand;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ./zemo legacy-import} and {@code ./zemo legacy-export}: the legacy import core ({@link LegacyCommand})
 * against the database this installation is configured with, for operators working from a shell. The
 * database is ZEMO_DB_URL (with ZEMO_DB_USER/ZEMO_DB_PASSWORD) or the embedded one under $ZEMO_HOME: the
 * running one when {@code ./zemo run} is up (its port is in postmaster.pid), else started for the command.
 * The pgcrypto key is ZEMO_SECRETS_KEY or $ZEMO_HOME/secrets/zemo.secrets.key, as the application reads it.
 * <pre>
 *   ./zemo legacy-import --path FILE [--delta] [--dry-run] [--report-json F] [--report-html F] [--chunk N]
 *   ./zemo legacy-import --path FILE --resume RUN_ID
 *   ./zemo legacy-export --path FILE
 * </pre>
 */
final class LegacyCli {
    private LegacyCli() {
    }

    static int run(String command, List<String> args, Map<String, String> env, PrintStream err) throws Exception {
        Options o;
        try {
            o = Options.parse(command, args);
        } catch (IllegalArgumentException e) {
            err.println("zemo " + command + ": " + e.getMessage());
            usage(err);
            return 2;
        }
        LauncherSettings settings = LauncherSettings.fromEnvironment(env, false);
        String key = secretsKey(settings.home(), env);
        if (key == null) {
            err.println("zemo " + command + ": no pgcrypto key: set ZEMO_SECRETS_KEY or run ./zemo run once to create "
                    + settings.home().resolve("secrets").resolve(ZemoStack.SECRETS_KEY_FILE));
            return 1;
        }
        EmbeddedDatabase started = null;
        try {
            String url;
            String user;
            String password;
            if (settings.dbUrl().isPresent()) {
                url = settings.dbUrl().get();
                user = settings.dbUser();
                password = settings.dbPassword();
            } else {
                Integer port = runningEmbeddedPort(settings.home());
                if (port == null) {
                    started = EmbeddedDatabase.start(settings.home());
                    port = started.port();
                    err.println("zemo: started the embedded PostgreSQL in " + settings.home().resolve("pgdata") + " for this command");
                }
                url = "jdbc:postgresql://127.0.0.1:" + port + "/" + EmbeddedDatabase.DATABASE;
                user = EmbeddedDatabase.USER;
                password = EmbeddedDatabase.PASSWORD;
            }
            List<String> a = new ArrayList<>(o.commandArgs());
            a.addAll(List.of("--jdbc", url, "--user", user));
            if (password != null && !password.isEmpty()) {
                a.addAll(List.of("--password", password)); // in this process only: never on a command line
            }
            LegacyCommand.run(a.toArray(String[]::new), key);
            return 0;
        } catch (IllegalStateException | IllegalArgumentException | IOException | java.sql.SQLException e) {
            err.println("zemo " + command + ": " + e.getMessage());
            return 1;
        } finally {
            if (started != null) {
                started.close();
            }
        }
    }

    static void usage(PrintStream out) {
        out.println("       zemo legacy-import --path FILE [--delta] [--dry-run] [--resume RUN_ID] [--report-json F] [--report-html F]");
        out.println("       zemo legacy-export --path FILE");
    }

    /** The command line of {@link LegacyCommand} for one of the two launcher commands. */
    record Options(List<String> commandArgs) {
        static Options parse(String command, List<String> args) {
            String path = null;
            boolean delta = false;
            boolean dryRun = false;
            String resume = null;
            List<String> passThrough = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                switch (arg) {
                    case "--path" -> path = value(args, ++i, arg);
                    case "--delta" -> delta = true;
                    case "--dry-run" -> dryRun = true;
                    case "--resume" -> resume = value(args, ++i, arg);
                    case "--report-json", "--report-html", "--chunk" -> {
                        passThrough.add(arg);
                        passThrough.add(value(args, ++i, arg));
                    }
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            if (path == null) {
                throw new IllegalArgumentException("--path is required");
            }
            String file = Path.of(path).toAbsolutePath().normalize().toString();
            List<String> out = new ArrayList<>();
            if (command.equals("legacy-export")) {
                if (delta || dryRun || resume != null || !passThrough.isEmpty()) {
                    throw new IllegalArgumentException("legacy-export takes only --path");
                }
                out.addAll(List.of("export", "--out", file));
                return new Options(out);
            }
            if (resume != null) {
                out.addAll(List.of("resume", "--run", resume));
            } else {
                out.add("import");
            }
            out.addAll(List.of("--source", file, "--mode", delta ? "delta" : "full"));
            if (dryRun) {
                out.add("--dry-run");
            }
            out.addAll(passThrough);
            return new Options(out);
        }

        private static String value(List<String> args, int i, String name) {
            if (i >= args.size() || args.get(i).startsWith("--")) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            return args.get(i);
        }
    }

    static String secretsKey(Path home, Map<String, String> env) throws IOException {
        String fromEnv = env.get("ZEMO_SECRETS_KEY");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.trim();
        }
        Path file = home.resolve("secrets").resolve(ZemoStack.SECRETS_KEY_FILE);
        return Files.isReadable(file) ? Files.readString(file, StandardCharsets.UTF_8).trim() : null;
    }

    /**
     * The port of the embedded PostgreSQL that {@code ./zemo run} started on this home, from the fourth line of
     * its postmaster.pid, if that server process is alive; null when none runs.
     */
    static Integer runningEmbeddedPort(Path home) throws IOException {
        Path pid = home.resolve("pgdata").resolve("postmaster.pid");
        if (!Files.isReadable(pid)) {
            return null;
        }
        List<String> lines = Files.readAllLines(pid, StandardCharsets.UTF_8);
        if (lines.size() < 4) {
            return null;
        }
        try {
            long process = Long.parseLong(lines.get(0).trim());
            if (ProcessHandle.of(process).map(ProcessHandle::isAlive).orElse(false)) {
                return Integer.parseInt(lines.get(3).trim());
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }
}
