package com.zemo.scrape.batch;

import com.zemo.jobs.batch.JobEvents;
import com.zemo.jobs.batch.JobRef;
import com.zemo.jobs.batch.JobRuntime;
import com.zemo.platform.ZemoConfig;
import com.zemo.scrape.fetch.AddressGuard;
import com.zemo.scrape.fetch.FailureKind;
import com.zemo.scrape.fetch.HttpFetcher;
import com.zemo.scrape.fetch.JavaScriptMode;
import com.zemo.scrape.fetch.PageScraper;
import com.zemo.scrape.fetch.ScrapedPage;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The scrape job's reader: the job's URL list (its {@code urls}, or its serp job's results in position order),
 * minus the positions already stored in {@code pages} (the restart checkpoint: a stored page is never fetched again;
 * only pages that failed for a passing reason, 5xx, timeouts, I/O, no free session, are deleted and fetched anew by
 * a later execution). Up to {@code zemo.scrape.workers} pages are fetched at once on the reader's own threads, each
 * holding one of the cluster's browser sessions; items come out as pages finish, one log line each.
 */
@jakarta.enterprise.context.Dependent
@Named("scrapeReader")
public class ScrapeReader extends AbstractItemReader {
    private static final String[] RETRYABLE = Arrays.stream(FailureKind.values()).filter(FailureKind::retryable)
            .map(FailureKind::dbValue).toArray(String[]::new);

    @Inject
    @BatchProperty
    String urls;

    @Inject
    @BatchProperty
    String serpJobId;

    @Inject
    @BatchProperty
    String javascript;

    @Inject
    JobContext ctx;

    @Inject
    com.zemo.jobs.batch.ProviderMetrics providerMetrics;

    @Inject
    JobRuntime runtime;

    @Inject
    JobEvents events;

    @Inject
    ZemoConfig config;

    @Inject
    Instance<BrowserSessions> sessions;

    private JobRef job;
    private JavaScriptMode mode;
    private List<String> targets;
    private final Deque<Integer> pending = new ArrayDeque<>();
    private PageScraper scraper;
    private ExecutorService pool;
    private CompletionService<ScrapedPage> finished;
    private int inFlight;
    private int returned;
    private Duration sessionWait;
    private Duration sessionLease;

    @Override
    public void open(Serializable checkpoint) throws SQLException {
        job = JobRef.of(ctx, BatchRuntime.getJobOperator());
        mode = JavaScriptMode.of(javascript);
        targets = urls != null && !urls.isBlank() ? JsonStrings.parseArray(urls) : serpUrls(Long.parseLong(serpJobId.trim()));
        Set<Integer> stored = keepStoredPages();
        for (int i = 0; i < targets.size(); i++) {
            if (!stored.contains(i)) {
                pending.add(i);
            }
        }
        runtime.setTotal(job, targets.size());
        ZemoConfig.Scrape s = config.scrape();
        int workers = Math.max(1, Math.min(s.workers(), pending.size()));
        events.log(job.jobId(), "INFO", "pages", job.node(), pending.size() + " of " + targets.size() + " pages to fetch"
                + (stored.isEmpty() ? "" : " (" + stored.size() + " stored by an earlier execution)") + ", javascript="
                + mode.name().toLowerCase() + ", " + workers + " at once" + (s.allowPrivate() ? ", private addresses allowed" : "")
                + (sessions.isResolvable() ? "" : ", no cluster-wide browser-session limit here"));
        if (pending.isEmpty()) {
            return;
        }
        HttpFetcher fetcher = new HttpFetcher(new AddressGuard(s.allowPrivate()), new HttpFetcher.Settings(
                s.userAgent(), s.timeout(), s.maxBytes(), s.maxRedirects(), s.retries(), Duration.ofMillis(500)));
        scraper = new PageScraper(fetcher, workers, Math.max(1, Math.min(s.jsWorkers(), workers)));
        sessionWait = s.timeout().multipliedBy(10);
        sessionLease = s.timeout().multipliedBy(s.retries() + 1L).plusMinutes(2);
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "zemo-scrape-" + job.jobId() + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        finished = new ExecutorCompletionService<>(pool);
        for (int i = 0; i < workers; i++) {
            submitNext();
        }
    }

    private void submitNext() {
        Integer position = pending.poll();
        if (position == null) {
            return;
        }
        String url = targets.get(position);
        inFlight++;
        finished.submit(() -> fetch(position, url));
    }

    private ScrapedPage fetch(int position, String url) throws InterruptedException {
        Optional<BrowserSessions.Session> session = sessions.isResolvable()
                ? sessions.get().acquire(sessionWait, sessionLease)
                : Optional.of(() -> { });
        if (session.isEmpty()) {
            return ScrapedPage.failed(position, url, null, 0, sessionWait.toMillis(), 0, FailureKind.BUSY,
                    "no browser session free within " + sessionWait.toSeconds() + " s (zemo.limits.browser-sessions)");
        }
        try (BrowserSessions.Session held = session.get()) {
            return scraper.scrape(position, url, mode);
        } catch (RuntimeException e) {
            // A fault of ours or of a library on one page: that page fails, the job goes on.
            return ScrapedPage.failed(position, url, null, 0, 0, 0, FailureKind.IO,
                    "unexpected " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    @Override
    public Object readItem() throws InterruptedException, ExecutionException {
        if (inFlight == 0) {
            return null;
        }
        ScrapedPage page = finished.take().get();
        inFlight--;
        returned++;
        submitNext();
        events.log(job.jobId(), page.ok() ? "INFO" : "WARN", "pages", job.node(), page.logLine());
        providerMetrics.pageFetched(page.ok() ? (page.usedJavaScript() ? "ok_js" : "ok") : page.failure().name().toLowerCase(java.util.Locale.ROOT),
                java.time.Duration.ofMillis(page.fetchMillis()));
        return page;
    }

    @Override
    public Serializable checkpointInfo() {
        return returned;   // informative only: the pages table says what is done
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
        if (scraper != null) {
            scraper.close();
        }
    }

    private List<String> serpUrls(long serpJob) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = runtime.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT url FROM serp_results WHERE job_id = ? AND url IS NOT NULL ORDER BY position NULLS LAST, id")) {
            ps.setLong(1, serpJob);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("serp job " + serpJob + " has no results to scrape");
        }
        return out;
    }

    /**
     * Drops this job's pages that failed for a passing reason (they are fetched again), then returns the positions
     * stored, and makes the job's progress count them (fenced, like every write of an execution).
     */
    private Set<Integer> keepStoredPages() throws SQLException {
        Set<Integer> stored = new HashSet<>();
        try (Connection c = runtime.dataSource().getConnection()) {
            try (PreparedStatement del = c.prepareStatement(
                    "DELETE FROM pages WHERE job_id = ? AND error_kind = ANY (?) "
                            + "AND EXISTS (SELECT 1 FROM jobs WHERE id = ? AND attempts = ? AND status = 'running')")) {
                del.setLong(1, job.jobId());
                del.setArray(2, c.createArrayOf("varchar", RETRYABLE));
                del.setLong(3, job.jobId());
                del.setInt(4, job.attempt());
                del.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT position FROM pages WHERE job_id = ? AND position IS NOT NULL")) {
                ps.setLong(1, job.jobId());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        stored.add(rs.getInt(1));
                    }
                }
            }
            try (PreparedStatement up = c.prepareStatement(
                    "UPDATE jobs SET progress_done = ? WHERE id = ? AND attempts = ? AND status = 'running'")) {
                up.setLong(1, stored.size());
                up.setLong(2, job.jobId());
                up.setInt(3, job.attempt());
                up.executeUpdate();
            }
        }
        return stored;
    }
}
