package com.zemo.launcher;

import redis.embedded.RedisServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;

/** A real redis-server from the embedded-redis artifact, on a free loopback port, its files under $ZEMO_HOME/redis. */
public final class EmbeddedRedis implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EmbeddedRedis.class.getName());
    private final RedisServer server;
    private final int port;

    private EmbeddedRedis(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static EmbeddedRedis start(Path home) throws IOException {
        Path dir = home.resolve("redis");
        Files.createDirectories(dir);
        int port = Ports.free();
        RedisServer server = RedisServer.newRedisServer()
                .port(port)
                .bind("127.0.0.1")
                .setting("dir " + dir)
                .setting("appendonly no")
                .setting("save 300 1")
                .setting("maxmemory 256mb")
                .setting("maxmemory-policy noeviction")
                .onShutdownForceStop(true)
                .build();
        server.start();
        LOG.info(() -> "embedded Redis on port " + port);
        return new EmbeddedRedis(server, port);
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() throws IOException {
        server.stop();
    }
}
