package com.zemo.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One Payara Micro node running the Zemo WAR, as a child process with the production flags. Its output
 * goes to the launcher's stdout (when asked) and to {@code $ZEMO_HOME/logs/<node>.log}.
 */
public final class PayaraNode implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(PayaraNode.class.getName());
    /** A bounded heap keeps the idle footprint small; G1 gives memory back when idle. */
    public static final String DEFAULT_JAVA_OPTS =
            "-Xms96m -Xmx1g -XX:+UseG1GC -XX:MaxGCPauseMillis=100 -XX:G1PeriodicGCInterval=30000 -XX:+ExitOnOutOfMemoryError -Xss512k";

    private final String name;
    private final int httpPort;
    private final Process process;
    private final Path logFile;
    /** Null when class-data sharing is off. */
    private final ClassDataArchive archive;

    private PayaraNode(String name, int httpPort, Process process, Path logFile, ClassDataArchive archive) {
        this.name = name;
        this.httpPort = httpPort;
        this.process = process;
        this.logFile = logFile;
        this.archive = archive;
    }

    /**
     * @param runtime folder with payara-micro.jar, postgresql.jar, zemo.war
     * @param env     the environment of the node (database and Redis coordinates, secrets dir, node name)
     * @param classDataSharing map the class-data archive of the last start, or record one (see ClassDataArchive)
     */
    public static PayaraNode start(Path runtime, Path home, String name, int httpPort, String javaOpts,
                                   Map<String, String> env, PostBoot.Db db, boolean echo, boolean classDataSharing)
            throws IOException, InterruptedException {
        Path root = home.resolve("payara").resolve(name);
        Path logs = home.resolve("logs");
        // The unpacked runtime is kept; the configuration and the last deployment are reset (NodeRootDir).
        Path launcherJar = NodeRootDir.prepare(runtime, root);
        Files.createDirectories(logs);
        Path postBoot = PostBoot.render(home, root.resolve("post-boot.asadmin"), db);
        Map<String, String> nodeEnv = new java.util.HashMap<>(System.getenv());   // what the node process will see
        nodeEnv.putAll(env);
        Path preBoot = PostBoot.renderPreBoot(root.resolve("pre-boot.asadmin"), nodeEnv);

        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Arrays.stream(javaOpts.trim().split("\\s+")).filter(o -> !o.isEmpty()).forEach(cmd::add);
        ClassDataArchive archive = classDataSharing ? ClassDataArchive.of(runtime, root) : null;
        if (archive != null) {
            cmd.addAll(archive.jvmOptions());
        }
        cmd.add("-Dzemo.node.name=" + name);
        cmd.add("-Dzemo.home=" + home);
        cmd.add("-Djava.awt.headless=true");
        // the root directory and the JDBC driver are fixed in the launcher jar (--rootdir, --addLibs)
        cmd.addAll(List.of("-jar", launcherJar.toString(),
                "--nohazelcast",
                "--port", Integer.toString(httpPort),
                "--prebootcommandfile", preBoot.toString(),
                "--postbootcommandfile", postBoot.toString(),
                "--contextroot", "/",
                "--deploy", runtime.resolve("zemo.war").toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().put("ZEMO_NODE_NAME", name);
        Process p = pb.start();
        Path logFile = logs.resolve(name + ".log");
        pump(p.getInputStream(), logFile, echo ? System.out : null, name);
        return new PayaraNode(name, httpPort, p, logFile, archive);
    }

    /** Whether this start maps a class-data archive recorded by an earlier one. */
    public boolean sharesClassData() {
        return archive != null && archive.inUse();
    }

    private static void pump(InputStream in, Path file, PrintStream echo, String name) throws IOException {
        Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)); w) {
                String line;
                while ((line = r.readLine()) != null) {
                    w.write(line);
                    w.write('\n');
                    w.flush();
                    if (echo != null) {
                        echo.println(line);
                    }
                }
            } catch (IOException ignored) {
                // the process ended; nothing more to copy
            }
        }, "log-pump-" + name);
        t.setDaemon(true);
        t.start();
    }

    /** Waits until {@code /health/ready} answers 200. */
    public Duration awaitReady(Duration timeout) throws IOException, InterruptedException, TimeoutException {
        long start = System.nanoTime();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest req = HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready")).timeout(Duration.ofSeconds(5)).build();
        while (System.nanoTime() - start < timeout.toNanos()) {
            if (!process.isAlive()) {
                throw new IOException("Payara Micro node " + name + " exited with " + process.exitValue() + "; see " + logFile);
            }
            try {
                if (http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new TimeoutException("node " + name + " not ready after " + timeout + "; see " + logFile);
    }

    public String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    public String name() { return name; }
    public int httpPort() { return httpPort; }
    public long pid() { return process.pid(); }
    public Path logFile() { return logFile; }
    public boolean isAlive() { return process.isAlive(); }

    /** SIGKILL, for take-over tests. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        archiveExited(false);
    }

    /** SIGTERM, then SIGKILL after 60 s (a recording JVM writes its class-data archive as it exits). */
    @Override
    public void close() throws InterruptedException {
        boolean cleanly = true;
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                cleanly = false;
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
        archiveExited(cleanly && !process.isAlive());
    }

    private void archiveExited(boolean cleanly) {
        if (archive == null) {
            return;
        }
        try {
            archive.nodeExited(cleanly);
        } catch (IOException e) {
            // the next start records again: a lost archive costs speed, never a start
            LOG.log(Level.WARNING, "could not keep the class-data archive of " + name, e);
        }
    }
}
