package com.zemo.launcher;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The archive's life: recorded by a start, kept only after a clean exit, used while the build is the same. */
class ClassDataArchiveTest {
    @TempDir
    Path dir;
    Path runtime;
    Path root;

    @BeforeEach
    void build() throws Exception {
        runtime = Files.createDirectories(dir.resolve("runtime"));
        for (String jar : new String[] {"payara-micro.jar", "postgresql.jar", "zemo.war"}) {
            Files.writeString(runtime.resolve(jar), jar);
        }
        root = Files.createDirectories(dir.resolve("payara/node-a"));
    }

    @Test
    void aFirstStartRecordsAndACleanExitKeepsTheArchiveForTheNextStart() throws Exception {
        ClassDataArchive first = ClassDataArchive.of(runtime, root);
        assertFalse(first.inUse());
        String recordOption = first.jvmOptions().get(0);
        assertTrue(recordOption.startsWith("-XX:ArchiveClassesAtExit="), recordOption);
        Path recording = Path.of(recordOption.substring(recordOption.indexOf('=') + 1));
        Files.writeString(recording, "archive bytes");   // what the JVM writes as it exits
        first.nodeExited(true);

        ClassDataArchive second = ClassDataArchive.of(runtime, root);
        assertTrue(second.inUse());
        assertEquals("-XX:SharedArchiveFile=" + dir.resolve("payara/node-a.jsa"), second.jvmOptions().get(0));
        assertFalse(Files.exists(recording));
    }

    @Test
    void aKilledNodesHalfWrittenArchiveIsDropped() throws Exception {
        ClassDataArchive first = ClassDataArchive.of(runtime, root);
        String recordOption = first.jvmOptions().get(0);
        Path recording = Path.of(recordOption.substring(recordOption.indexOf('=') + 1));
        Files.writeString(recording, "half an archive");
        first.nodeExited(false);

        assertFalse(Files.exists(recording));
        assertFalse(ClassDataArchive.of(runtime, root).inUse());
    }

    @Test
    void aNewBuildOfTheWarRecordsAgain() throws Exception {
        ClassDataArchive first = ClassDataArchive.of(runtime, root);
        String recordOption = first.jvmOptions().get(0);
        Files.writeString(Path.of(recordOption.substring(recordOption.indexOf('=') + 1)), "archive bytes");
        first.nodeExited(true);
        assertTrue(ClassDataArchive.of(runtime, root).inUse());

        Files.setLastModifiedTime(runtime.resolve("zemo.war"), FileTime.from(Instant.now().plusSeconds(60)));
        ClassDataArchive afterBuild = ClassDataArchive.of(runtime, root);
        assertFalse(afterBuild.inUse());
        assertTrue(afterBuild.jvmOptions().get(0).startsWith("-XX:ArchiveClassesAtExit="));
        assertFalse(Files.exists(dir.resolve("payara/node-a.jsa")), "the stale archive is removed");
    }
}
