package com.zemo.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A node's Payara Micro root directory, kept between starts. Payara Micro unpacks its ~100 MB runtime on every
 * start from {@code payara-micro.jar}; {@code --outputlauncher} unpacks it once into the root directory and writes
 * {@code launch-micro.jar}, whose plain class path is also what lets the JVM share class data between starts
 * (see {@link ClassDataArchive}). The runtime is made again only when payara-micro.jar or the JDBC driver change.
 *
 * <p>What a run changes is reset before each start: the configuration comes back from the copy taken when the
 * runtime was made (the post-boot file creates the pool again, and the embedded database's port changes between
 * runs), and the deployed application, generated files and logs of the last run are removed.
 */
final class NodeRootDir {
    static final String LAUNCHER_JAR = "launch-micro.jar";
    private static final String STAMP = ".zemo-runtime";
    private static final String PRISTINE_CONFIG = ".config-pristine";
    /** Left by a run: the deployed (exploded) WAR, compiled pages, auto-deploy folder, the server's own logs. */
    private static final List<String> RUN_STATE = List.of("config", "applications", "generated", "autodeploy", "logs");

    private NodeRootDir() {
    }

    /** Makes or resets {@code root} for a start; returns its launcher jar. */
    static Path prepare(Path runtime, Path root) throws IOException, InterruptedException {
        String stamp = stamp(runtime);
        Path launcher = root.resolve(LAUNCHER_JAR);
        boolean current = Files.isRegularFile(launcher) && Files.isDirectory(root.resolve(PRISTINE_CONFIG))
                && stamp.equals(readStamp(root));
        if (!current) {
            deleteTree(root);
            Files.createDirectories(root);
            outputLauncher(runtime, root);
            copyTree(root.resolve("config"), root.resolve(PRISTINE_CONFIG));
            Files.writeString(root.resolve(STAMP), stamp);
            return launcher;
        }
        for (String dir : RUN_STATE) {
            deleteTree(root.resolve(dir));
        }
        copyTree(root.resolve(PRISTINE_CONFIG), root.resolve("config"));
        return launcher;
    }

    /** What the unpacked runtime was made from: a new Payara or driver jar means unpacking again. */
    static String stamp(Path runtime) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String jar : List.of("payara-micro.jar", "postgresql.jar")) {
            Path p = runtime.resolve(jar);
            sb.append(p.toAbsolutePath()).append(' ').append(Files.size(p)).append(' ')
                    .append(Files.getLastModifiedTime(p).toMillis()).append('\n');
        }
        return sb.toString();
    }

    private static String readStamp(Path root) throws IOException {
        Path f = root.resolve(STAMP);
        return Files.isRegularFile(f) ? Files.readString(f) : "";
    }

    private static void outputLauncher(Path runtime, Path root) throws IOException, InterruptedException {
        Path log = root.resolve("outputlauncher.log");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", runtime.resolve("payara-micro.jar").toString(),
                "--rootdir", root.toString(),
                "--addLibs", runtime.resolve("postgresql.jar").toString(),
                "--outputlauncher")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("Payara Micro did not unpack its runtime into " + root + " within 3 minutes; see " + log);
        }
        if (p.exitValue() != 0 || !Files.isRegularFile(root.resolve(LAUNCHER_JAR))) {
            throw new IOException("Payara Micro could not unpack its runtime into " + root + " (exit " + p.exitValue() + "); see " + log);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        deleteTree(to);
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
