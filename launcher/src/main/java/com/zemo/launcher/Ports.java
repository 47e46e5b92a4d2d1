package com.zemo.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free loopback ports: a machine may already run PostgreSQL on 5432 and Redis on 6379. */
public final class Ports {
    private Ports() {
    }

    /** Lowest port tried: above the well-known and most registered service ports. */
    private static final int LOWEST = 10000;

    /**
     * A free port below the kernel's ephemeral range. A port the kernel hands out for {@code bind(0)} comes from that
     * range, so an outgoing connection (a JDBC or Redis client) could take it before the server that was meant to
     * listen on it binds it: a Payara node of the integration tests once failed with "Address already in use" so.
     */
    public static int free() {
        int below = ephemeralLow();
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; below - LOWEST > 1000 && i < 200; i++) {
            int port = random.nextInt(LOWEST, below);
            if (isFree(port) && isFreeOnAllInterfaces(port)) {
                return port;
            }
        }
        return ephemeral();
    }

    private static int ephemeralLow() {
        try {
            String range;   // Files.readString trusts the size /proc reports, and returns one byte of this file
            try (java.io.InputStream in = java.nio.file.Files.newInputStream(java.nio.file.Path.of("/proc/sys/net/ipv4/ip_local_port_range"))) {
                range = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).trim();
            }
            return Integer.parseInt(range.split("\\s+")[0]);
        } catch (IOException | RuntimeException notLinux) {
            return 32768;   // Linux's default; elsewhere the ports below it are as good a choice
        }
    }

    private static boolean isFreeOnAllInterfaces(int port) {
        try (ServerSocket s = new ServerSocket(port, 1)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int ephemeral() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
