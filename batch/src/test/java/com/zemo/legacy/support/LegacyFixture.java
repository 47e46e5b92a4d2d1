package com.zemo.legacy.support;

import at.favre.lib.crypto.bcrypt.BCrypt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/**
 * The committed fixture (make_legacy_db.py --tasks 60 --seed 7) copied to a temporary file, with
 * dirt-supplement.sql applied (the kinds of dirt too rare to appear in 60 tasks) and one account whose PHP
 * {@code $2y$} hash is of a known password.
 */
public final class LegacyFixture {
    /** The as-of instant of test imports: just after the generator's last timestamp (2024-10-01). */
    public static final Instant AS_OF = Instant.parse("2024-10-02T00:00:00Z");
    public static final String SECRET_KEY = "test-secret-key-0123456789";
    public static final long PHP_USER_ID = 110;
    public static final String PHP_USER_PASSWORD = "old-monolith-password";

    private LegacyFixture() {
    }

    public static Path copy(Path dir) throws IOException, SQLException {
        Path file = dir.resolve("legacy-" + System.nanoTime() + ".sqlite");
        try (InputStream in = LegacyFixture.class.getResourceAsStream("/legacy/legacy-60-seed7.sqlite")) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        String supplement;
        try (InputStream in = LegacyFixture.class.getResourceAsStream("/legacy/dirt-supplement.sql")) {
            supplement = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection c = open(file)) {
            execScript(c, supplement);
            String phpHash = BCrypt.with(BCrypt.Version.VERSION_2Y).hashToString(10, PHP_USER_PASSWORD.toCharArray());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO users (id,email,name,password_hash,role,is_active,"
                    + "created_at) VALUES (?, 'php@example.ru', 'PHP', ?, 'user', 1, '2019-06-01 00:00:00')")) {
                ps.setLong(1, PHP_USER_ID);
                ps.setString(2, phpHash);
                ps.executeUpdate();
            }
        }
        return file;
    }

    public static Connection open(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    /** Runs statements separated by ';' at line ends; '--' comment lines are skipped. */
    public static void execScript(Connection c, String script) throws SQLException {
        StringBuilder current = new StringBuilder();
        try (Statement st = c.createStatement()) {
            for (String line : script.split("\n")) {
                if (line.strip().startsWith("--")) {
                    continue;
                }
                current.append(line).append('\n');
                if (line.strip().endsWith(";")) {
                    st.executeUpdate(current.toString());
                    current.setLength(0);
                }
            }
        }
    }
}
