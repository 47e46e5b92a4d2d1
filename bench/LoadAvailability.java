import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mixed load against several Zemo nodes with client-side failover (what nginx does in docker/: a request that
 * cannot connect goes to the next node; a request that reached a node and failed is a failure): readers, job
 * submitters and SSE clients for a bounded time; then waits for every submitted job and reports availability,
 * latency percentiles before and after the kill time, and job completion. JDK only:
 *
 *   java bench/LoadAvailability.java --nodes http://localhost:18100,http://localhost:18101 --token T \
 *        --seconds 60 --kill-at 30 --readers 8 --submitters 2 --sse 4
 *
 * The node is killed by the calling script (bench/load-availability.sh); --kill-at only splits the report.
 */
public class LoadAvailability {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).version(HttpClient.Version.HTTP_1_1).build();
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(\\w+)\"");

    record Sample(long atMillis, long nanos, boolean ok, String kind) {
    }

    static List<String> nodes;
    static String token;
    static final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    static final List<Long> submitted = new CopyOnWriteArrayList<>();
    static final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
    static final AtomicLong sseEvents = new AtomicLong();
    static final AtomicLong sseReconnects = new AtomicLong();
    static final AtomicInteger rr = new AtomicInteger();
    static long t0;

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new ConcurrentHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        nodes = Arrays.asList(a.get("nodes").split(","));
        token = a.get("token");
        int seconds = Integer.parseInt(a.getOrDefault("seconds", "60"));
        int killAt = Integer.parseInt(a.getOrDefault("kill-at", "-1"));
        int readers = Integer.parseInt(a.getOrDefault("readers", "8"));
        int submitters = Integer.parseInt(a.getOrDefault("submitters", "2"));
        int sse = Integer.parseInt(a.getOrDefault("sse", "4"));
        int jobWaitSeconds = Integer.parseInt(a.getOrDefault("job-wait", "180"));

        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(readers + submitters + sse);
        t0 = System.currentTimeMillis();
        for (int i = 0; i < readers; i++) {
            pool.submit(() -> {
                while (running.get()) {
                    int r = ThreadLocalRandom.current().nextInt(3);
                    String path = r == 0 ? "/api/v1/ping" : r == 1 ? "/api/v1/me" : "/api/v1/jobs?size=20";
                    call("read", "GET", path, null, 200, true);
                }
                return null;
            });
        }
        for (int i = 0; i < submitters; i++) {
            pool.submit(() -> {
                while (running.get()) {
                    String body = call("submit", "POST", "/api/v1/jobs", "{\"type\":\"demo\",\"params\":{\"items\":4,\"itemMillis\":100,\"chunk\":2}}", 201, false);
                    if (body != null) {
                        Matcher m = ID.matcher(body);
                        if (m.find()) {
                            submitted.add(Long.parseLong(m.group(1)));
                        }
                    }
                    Thread.sleep(100);
                }
                return null;
            });
        }
        for (int i = 0; i < sse; i++) {
            pool.submit(() -> {
                while (running.get()) {
                    if (submitted.isEmpty()) {
                        Thread.sleep(200);
                        continue;
                    }
                    follow(submitted.get(submitted.size() - 1), running);
                }
                return null;
            });
        }
        Thread.sleep(seconds * 1000L);
        running.set(false);
        stopping = true;
        pool.shutdownNow();
        long loadEnd = System.currentTimeMillis();

        // Every submitted job must complete (take-over finishes the ones the dead node had).
        int completed = 0;
        List<Long> notDone = new ArrayList<>();
        long deadline = System.currentTimeMillis() + jobWaitSeconds * 1000L;
        for (long id : submitted) {
            String status = null;
            while (System.currentTimeMillis() < deadline) {
                String body = call(null, "GET", "/api/v1/jobs/" + id, null, 200, true);
                Matcher m = body == null ? null : STATUS.matcher(body);
                status = m != null && m.find() ? m.group(1) : null;
                if ("completed".equals(status) || "failed".equals(status) || "canceled".equals(status) || "stopped".equals(status)) {
                    break;
                }
                Thread.sleep(250);
            }
            if ("completed".equals(status)) {
                completed++;
            } else {
                notDone.add(id);
            }
        }
        report(killAt, loadEnd, completed, notDone);
        System.exit(0);
    }

    /** One request with failover to the next node when it cannot connect; returns the body when the answer is correct. */
    static String call(String kind, String method, String path, String body, int expect, boolean retryOnAnyIoError) {
        int start = Math.floorMod(rr.getAndIncrement(), nodes.size());
        long t = System.nanoTime();
        for (int i = 0; i < nodes.size(); i++) {
            String base = nodes.get((start + i) % nodes.size());
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token);
            if (body != null) {
                b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            try {
                HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
                boolean ok = r.statusCode() == expect;
                record(kind, t, ok, ok ? null : "status " + r.statusCode());
                return ok ? r.body() : null;
            } catch (java.net.ConnectException notReached) {
                // never reached the node: safe to send elsewhere, even a POST
            } catch (Exception e) {
                if (!retryOnAnyIoError || i == nodes.size() - 1) {
                    record(kind, t, false, e.getClass().getSimpleName());
                    return null;
                }
            }
        }
        record(kind, t, false, "no node reachable");
        return null;
    }

    static volatile boolean stopping;

    static void record(String kind, long startNanos, boolean ok, String why) {
        if (kind == null || stopping) { // requests cut off by the end of the run are not answers
            return;
        }
        samples.add(new Sample(System.currentTimeMillis() - t0, System.nanoTime() - startNanos, ok, kind));
        if (!ok) {
            failures.computeIfAbsent(kind + ": " + why, k -> new AtomicLong()).incrementAndGet();
        }
    }

    /** An SSE client on one job's events until the job ends; reconnects to another node if the stream breaks. */
    static void follow(long jobId, AtomicBoolean running) {
        for (int attempt = 0; attempt < nodes.size() && running.get(); attempt++) {
            String base = nodes.get(Math.floorMod(rr.getAndIncrement(), nodes.size()));
            HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/v1/jobs/" + jobId + "/events"))
                    .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream")
                    .timeout(Duration.ofSeconds(30)).GET().build();
            long t = System.nanoTime();
            try {
                HttpResponse<InputStream> r = HTTP.send(req, HttpResponse.BodyHandlers.ofInputStream());
                record("sse-connect", t, r.statusCode() == 200, "status " + r.statusCode());
                if (r.statusCode() != 200) {
                    r.body().close();
                    return;
                }
                try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                    String line;
                    while (running.get() && (line = in.readLine()) != null) {
                        if (line.startsWith("data:")) {
                            sseEvents.incrementAndGet();
                            if (line.contains("\"completed\"") || line.contains("\"failed\"")) {
                                return;
                            }
                        }
                    }
                    return;
                }
            } catch (Exception e) {
                if (!running.get()) {
                    return;
                }
                sseReconnects.incrementAndGet();
            }
        }
    }

    static void report(int killAt, long loadEnd, int completed, List<Long> notDone) {
        List<Sample> all = new ArrayList<>(samples);
        System.out.printf("load: %d s, %d requests (%s)%n", loadEnd - t0 < 0 ? 0 : (loadEnd - t0) / 1000, all.size(), byKind(all));
        line("all", all);
        if (killAt >= 0) {
            line("before kill", all.stream().filter(s -> s.atMillis() < killAt * 1000L).toList());
            line("after kill", all.stream().filter(s -> s.atMillis() >= killAt * 1000L).toList());
        }
        System.out.printf("sse: %d events, %d broken streams re-opened on another node%n", sseEvents.get(), sseReconnects.get());
        System.out.printf("jobs: %d submitted, %d completed, %d not completed %s%n", submitted.size(), completed, notDone.size(),
                notDone.isEmpty() ? "" : notDone.subList(0, Math.min(20, notDone.size())));
        failures.forEach((k, v) -> System.out.printf("failure  %s × %d%n", k, v.get()));
        double availability = 100.0 * all.stream().filter(Sample::ok).count() / Math.max(1, all.size());
        System.out.printf("RESULT availability=%.3f%% target>=99.5%% %s; jobs %s%n", availability, availability >= 99.5 ? "MET" : "MISSED",
                notDone.isEmpty() ? "all completed" : notDone.size() + " NOT completed");
    }

    static String byKind(List<Sample> s) {
        Map<String, Long> m = new java.util.TreeMap<>();
        s.forEach(x -> m.merge(x.kind(), 1L, Long::sum));
        return m.toString();
    }

    static void line(String label, List<Sample> s) {
        if (s.isEmpty()) {
            System.out.printf("%-12s no requests%n", label);
            return;
        }
        long[] ms = s.stream().filter(x -> !x.kind().equals("sse-connect")).mapToLong(x -> x.nanos() / 1000).sorted().toArray();
        long ok = s.stream().filter(Sample::ok).count();
        System.out.printf("%-12s %7d requests  availability %.3f%%  latency p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms%n",
                label, s.size(), 100.0 * ok / s.size(), pct(ms, 50), pct(ms, 95), pct(ms, 99), ms.length == 0 ? 0 : ms[ms.length - 1] / 1000.0);
    }

    static double pct(long[] sortedMicros, double p) {
        if (sortedMicros.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sortedMicros.length) - 1;
        return sortedMicros[Math.max(0, Math.min(i, sortedMicros.length - 1))] / 1000.0;
    }
}
