package com.zemo.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A node's dynamic class-data-sharing archive (AppCDS, JDK 13+): the classes a start loaded (Payara's runtime,
 * the JDK's, and most of the WAR's), parsed and verified once and mapped by later starts. It takes about a
 * third off a start (ADR 0010). The first start of a build records it, written by the JVM as it exits; it is
 * kept only if the node ended by SIGTERM or by itself (a SIGKILL leaves half a file), and only used while the
 * JDK, the Payara runtime and the WAR are the ones it was recorded with. The JVM checks its class path itself and
 * ignores an archive that does not match, so a wrong archive costs the speed-up, never a failed start.
 */
final class ClassDataArchive {
    private final Path archive;
    private final Path recording;
    private final Path stampFile;
    private final String stamp;
    private final boolean use;

    private ClassDataArchive(Path archive, Path stampFile, String stamp, boolean use) {
        this.archive = archive;
        this.recording = archive.resolveSibling(archive.getFileName() + ".recording");
        this.stampFile = stampFile;
        this.stamp = stamp;
        this.use = use;
    }

    /** The archive of the node whose root directory is {@code root}, for this JDK, runtime and WAR. */
    static ClassDataArchive of(Path runtime, Path root) throws IOException {
        Path archive = root.resolveSibling(root.getFileName() + ".jsa");
        Path stampFile = root.resolveSibling(root.getFileName() + ".jsa.stamp");
        Path war = runtime.resolve("zemo.war");
        String stamp = System.getProperty("java.home") + ' ' + System.getProperty("java.vm.version") + '\n'
                + NodeRootDir.stamp(runtime)
                + war.toAbsolutePath() + ' ' + Files.size(war) + ' ' + Files.getLastModifiedTime(war).toMillis() + '\n';
        boolean use = Files.isRegularFile(archive) && Files.isRegularFile(stampFile) && stamp.equals(Files.readString(stampFile));
        return new ClassDataArchive(archive, stampFile, stamp, use);
    }

    /** True when this start maps a recorded archive; false when it records one. */
    boolean inUse() {
        return use;
    }

    /** The JVM options: map the archive, or record one at exit. CDS's own log lines stay out of the node's log. */
    List<String> jvmOptions() throws IOException {
        if (use) {
            return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds*=off");
        }
        Files.deleteIfExists(archive);
        Files.deleteIfExists(stampFile);
        Files.deleteIfExists(recording);
        return List.of("-XX:ArchiveClassesAtExit=" + recording, "-Xlog:cds*=off");
    }

    /** After the node's JVM has exited: keep what it recorded if it exited cleanly. */
    void nodeExited(boolean cleanly) throws IOException {
        if (use || !Files.isRegularFile(recording)) {
            return;
        }
        if (!cleanly || Files.size(recording) == 0) {
            Files.deleteIfExists(recording);
            return;
        }
        Files.move(recording, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(stampFile, stamp);
    }
}
