package com.zemo.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/** Renders config/payara/post-boot.asadmin and pre-boot.asadmin (packed into the launcher) for one node. */
public final class PostBoot {
    private PostBoot() {
    }

    /** Database coordinates split from a JDBC URL: asadmin properties cannot carry a URL's colons unescaped. */
    public record Db(String host, int port, String name, String user, String password) {
        public static Db of(String jdbcUrl, String user, String password) {
            if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
                throw new IllegalArgumentException("ZEMO_DB_URL must look like jdbc:postgresql://host:port/database");
            }
            URI u = URI.create(jdbcUrl.substring("jdbc:".length()));
            String db = u.getPath() == null || u.getPath().length() < 2 ? "zemo" : u.getPath().substring(1);
            return new Db(u.getHost(), u.getPort() < 0 ? 5432 : u.getPort(), db, user, password);
        }
    }

    /** The HTTP request threads of a node: ZEMO_HTTP_THREADS, by default four per core (at least 8). */
    static int httpThreads(Map<String, String> env) {
        String v = env.get("ZEMO_HTTP_THREADS");
        if (v != null && !v.isBlank()) {
            int n = Integer.parseInt(v.trim());
            if (n < 2) {
                throw new IllegalArgumentException("ZEMO_HTTP_THREADS must be at least 2");
            }
            return n;
        }
        return Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
    }

    static Path renderPreBoot(Path target, Map<String, String> env) throws IOException {
        int threads = httpThreads(env);
        return write(target, fill(template("pre-boot.asadmin"), Map.of(
                "@HTTP_THREADS@", Integer.toString(threads),
                "@HTTP_THREADS_MIN@", Integer.toString(Math.min(threads, 4)))));
    }

    private static String template(String name) throws IOException {
        try (InputStream in = PostBoot.class.getResourceAsStream("/payara/" + name)) {
            if (in == null) {
                throw new IOException("payara/" + name + " missing from the launcher jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String fill(String template, Map<String, String> values) {
        String rendered = template;
        for (Map.Entry<String, String> e : values.entrySet()) {
            rendered = rendered.replace(e.getKey(), e.getValue());
        }
        return rendered;
    }

    private static Path write(Path target, String content) throws IOException {
        Files.deleteIfExists(target);
        Files.createFile(target, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(target, content, StandardCharsets.UTF_8);
        return target;
    }

    static Path render(Path home, Path target, Db db) throws IOException {
        String template = template("post-boot.asadmin");
        Map<String, String> values = Map.of(
                "@SECRETS_DIR@", home.resolve("secrets").toString(),
                "@DB_POOL_MAX@", System.getenv().getOrDefault("ZEMO_DB_POOL_MAX", "48"),
                "@DB_HOST@", escape(db.host()),
                "@DB_PORT@", Integer.toString(db.port()),
                "@DB_NAME@", escape(db.name()),
                "@DB_USER@", escape(db.user()),
                "@DB_PASSWORD@", escape(db.password() == null || db.password().isEmpty() ? "-" : db.password()));
        return write(target, fill(template, values));
    }

    /** asadmin property syntax: ':' separates properties, '=' separates name and value, '\' escapes. */
    public static String escape(String v) {
        StringBuilder sb = new StringBuilder();
        for (char c : v.toCharArray()) {
            if (c == ':' || c == '=' || c == '\\' || c == '"' || c == ' ') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
