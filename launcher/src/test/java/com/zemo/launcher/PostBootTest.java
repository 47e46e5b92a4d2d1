package com.zemo.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PostBootTest {

    @Test
    void httpThreadsDefaultToFourPerCoreAndAtLeastEight() {
        int expected = Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
        assertEquals(expected, PostBoot.httpThreads(Map.of()));
        assertEquals(expected, PostBoot.httpThreads(Map.of("ZEMO_HTTP_THREADS", " ")));
    }

    @Test
    void httpThreadsFromTheEnvironment() {
        assertEquals(32, PostBoot.httpThreads(Map.of("ZEMO_HTTP_THREADS", "32")));
        assertThrows(IllegalArgumentException.class, () -> PostBoot.httpThreads(Map.of("ZEMO_HTTP_THREADS", "1")));
        assertThrows(NumberFormatException.class, () -> PostBoot.httpThreads(Map.of("ZEMO_HTTP_THREADS", "many")));
    }

    @Test
    void preBootFileSetsTheRequestThreadPoolAndIsOwnerOnly(@TempDir Path dir) throws Exception {
        Path file = PostBoot.renderPreBoot(dir.resolve("pre-boot.asadmin"), Map.of("ZEMO_HTTP_THREADS", "12"));
        String text = Files.readString(file);
        assertTrue(text.contains("thread-pool.http-thread-pool.max-thread-pool-size=12"), text);
        assertTrue(text.contains("thread-pool.http-thread-pool.min-thread-pool-size=4"), text);
        assertFalse(text.contains("@HTTP_"), "every placeholder is filled");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void postBootFileEscapesThePassword(@TempDir Path dir) throws Exception {
        Path file = PostBoot.render(dir, dir.resolve("post-boot.asadmin"),
                new PostBoot.Db("db.example", 5433, "zemo", "zemo", "p:a=ss"));
        String text = Files.readString(file);
        assertTrue(text.contains("password=p\\:a\\=ss"), text);
        assertTrue(text.contains("portNumber=5433"), text);
        assertFalse(text.contains("@DB_"), "every placeholder is filled");
    }
}
