package com.zemo.scrape.fetch;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The scrape benchmark (bench/scrape.sh runs it): {@code pages} fixture pages through one {@link PageScraper} with
 * {@code workers} concurrent fetches, as the scrape job runs them. Kinds: {@code plain} (ordinary articles, mode auto:
 * none needs rendering), {@code on} (the same articles with {@code javascript=on}: all rendered), {@code js}
 * (client-rendered pages, mode auto: all rendered), {@code mixed} (one in ten client-rendered). Prints pages/s, peak heap used, and live heap after GC before and after (the pooled WebClients
 * stay reachable, so the difference is what the pools hold).
 * <p>
 * Arguments: baseUrl pages workers jsWorkers kind [rounds]. The fixture server runs in its own JVM so that the
 * process measured is the scraper alone.
 */
public final class ScrapeBench {
    public static void main(String[] args) throws Exception {
        String base = args[0];
        int pages = Integer.parseInt(args[1]);
        int workers = Integer.parseInt(args[2]);
        int jsWorkers = Integer.parseInt(args[3]);
        String kind = args[4];
        int rounds = args.length > 5 ? Integer.parseInt(args[5]) : 3;
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        long baseline = liveHeap(mem);
        HttpFetcher fetcher = new HttpFetcher(new AddressGuard(true),
                new HttpFetcher.Settings("ZemoBench/1.0", Duration.ofSeconds(20), 5L * 1024 * 1024, 5, 2, Duration.ofMillis(500)));
        try (PageScraper scraper = new PageScraper(fetcher, workers, jsWorkers)) {
            ExecutorService pool = Executors.newFixedThreadPool(workers);
            AtomicLong peak = new AtomicLong();
            AtomicBoolean sampling = new AtomicBoolean(true);
            Thread sampler = new Thread(() -> {
                while (sampling.get()) {
                    peak.accumulateAndGet(mem.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            run(scraper, pool, base, kind, Math.min(pages, 100), workers); // warm-up
            sampler.start();
            for (int r = 1; r <= rounds; r++) {
                long t = System.nanoTime();
                int[] result = run(scraper, pool, base, kind, pages, workers);
                double s = (System.nanoTime() - t) / 1e9;
                System.out.printf("round %d: %d pages (%d ok, %d rendered with JavaScript) in %.2f s = %.0f pages/s%n",
                        r, pages, result[0], result[1], s, pages / s);
            }
            sampling.set(false);
            pool.shutdown();
            long live = liveHeap(mem);
            System.out.printf("kind=%s workers=%d jsWorkers=%d max heap %d MB; live heap before %d MB, after (pools filled) %d MB; "
                            + "peak heap used (incl. garbage) %d MB%n", kind, workers, jsWorkers,
                    Runtime.getRuntime().maxMemory() >> 20, baseline >> 20, live >> 20, peak.get() >> 20);
            System.out.printf("retained per concurrent fetch: %.1f MB%n", (live - baseline) / 1048576.0 / workers);
        }
    }

    private static int[] run(PageScraper scraper, ExecutorService pool, String base, String kind, int pages, int workers)
            throws Exception {
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger js = new AtomicInteger();
        List<Future<?>> fs = new ArrayList<>();
        for (int i = 0; i < pages; i++) {
            int n = i;
            String path = switch (kind) {
                case "js" -> "/spa/" + n;
                case "mixed" -> n % 10 == 9 ? "/spa/" + n : "/page/" + n;
                default -> "/page/" + n;
            };
            fs.add(pool.submit(() -> {
                ScrapedPage p = scraper.scrape(n, base + path, kind.equals("on") ? JavaScriptMode.ON : JavaScriptMode.AUTO);
                if (p.ok() && p.extracted().wordCount() > 50) {
                    ok.incrementAndGet();
                } else if (!p.ok()) {
                    System.err.println(p.logLine());
                }
                if (p.usedJavaScript()) {
                    js.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        return new int[] {ok.get(), js.get()};
    }

    private static long liveHeap(MemoryMXBean mem) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return mem.getHeapMemoryUsage().getUsed();
    }
}
