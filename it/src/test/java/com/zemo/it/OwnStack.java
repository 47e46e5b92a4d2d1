package com.zemo.it;

import com.zemo.launcher.LauncherSettings;
import com.zemo.launcher.Main;
import com.zemo.launcher.PayaraNode;
import com.zemo.launcher.ZemoStack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A Zemo stack of a test class's own: embedded PostgreSQL and Redis in a fresh home ({@code target/it-home-<suffix>}),
 * for the ITs whose nodes need other settings than the shared {@link ZemoServer}'s (a sandbox, a WireMock SerpApi,
 * short take-over times). The caller starts its nodes on it and closes it.
 */
final class OwnStack {
    private OwnStack() {
    }

    /**
     * @param port the first node's HTTP port (0: each node gets the one it is started with)
     * @param env  the nodes' environment on top of the launcher's
     */
    static ZemoStack infrastructure(String suffix, String nodeName, int port, Map<String, String> env) throws Exception {
        Path home = Path.of(System.getProperty("zemo.it.home", "target/it-home") + "-" + suffix).toAbsolutePath();
        ZemoServer.deleteTree(home);
        Files.createDirectories(home);
        LauncherSettings s = new LauncherSettings(home, port, Optional.empty(), "zemo", "", Optional.empty(), Optional.empty(),
                Optional.of(ZemoServer.ADMIN_PASSWORD), nodeName, PayaraNode.DEFAULT_JAVA_OPTS, false);
        return new ZemoStack(s, Main.runtimeDir()).withNodeEnv(env).startInfrastructure();
    }
}
