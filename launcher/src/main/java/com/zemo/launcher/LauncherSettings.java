package com.zemo.launcher;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the launcher reads from the environment. The application itself reads its configuration through
 * MicroProfile Config (ZemoConfig); these are only the keys needed before a server exists.
 */
public record LauncherSettings(
        Path home,
        int httpPort,
        Optional<String> dbUrl,
        String dbUser,
        String dbPassword,
        Optional<String> redisUrl,
        Optional<String> redisPassword,
        Optional<String> adminPassword,
        String nodeName,
        String javaOpts,
        boolean demo,
        boolean classDataSharing) {

    /** Without class-data sharing: what tests use, each node in a fresh home (nothing to share, nothing to keep). */
    public LauncherSettings(Path home, int httpPort, Optional<String> dbUrl, String dbUser, String dbPassword,
                            Optional<String> redisUrl, Optional<String> redisPassword, Optional<String> adminPassword,
                            String nodeName, String javaOpts, boolean demo) {
        this(home, httpPort, dbUrl, dbUser, dbPassword, redisUrl, redisPassword, adminPassword, nodeName, javaOpts, demo, false);
    }

    public static LauncherSettings fromEnvironment(Map<String, String> env, boolean demo) {
        Path home = Path.of(env.getOrDefault("ZEMO_HOME", "var")).toAbsolutePath().normalize();
        int port = Integer.parseInt(env.getOrDefault("ZEMO_HTTP_PORT", "8080"));
        return new LauncherSettings(
                home,
                port,
                nonBlank(env.get("ZEMO_DB_URL")),
                env.getOrDefault("ZEMO_DB_USER", "zemo"),
                env.getOrDefault("ZEMO_DB_PASSWORD", ""),
                nonBlank(env.get("ZEMO_REDIS_URL")),
                nonBlank(env.get("ZEMO_REDIS_PASSWORD")),
                nonBlank(env.get("ZEMO_ADMIN_PASSWORD")),
                env.getOrDefault("ZEMO_NODE_NAME", "node-" + port),
                env.getOrDefault("ZEMO_JAVA_OPTS", PayaraNode.DEFAULT_JAVA_OPTS),
                demo,
                !"off".equalsIgnoreCase(env.getOrDefault("ZEMO_CDS", "on").trim()));
    }

    private static Optional<String> nonBlank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.trim());
    }

    public LauncherSettings withHttpPort(int port, String node) {
        return new LauncherSettings(home, port, dbUrl, dbUser, dbPassword, redisUrl, redisPassword, adminPassword, node, javaOpts, demo, classDataSharing);
    }
}
