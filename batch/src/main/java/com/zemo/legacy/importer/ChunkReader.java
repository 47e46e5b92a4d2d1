package com.zemo.legacy.importer;

import com.zemo.legacy.source.LegacySource;
import com.zemo.legacy.source.LegacyTable;
import com.zemo.legacy.source.SourceRow;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads the chunks after a checkpoint on its own thread and converts them on {@code converters} more (the
 * conversions, checksums and gzip are the import's main CPU cost), at most three chunks ahead of the writer:
 * that work overlaps with PostgreSQL writing the current chunk, memory stays bounded by the queue, and the
 * writer still gets the chunks in source order.
 */
final class ChunkReader implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ChunkReader.class.getName());
    private static final Object END = new Object();

    /**
     * Pages carry the HTML, its gzip and its text: a chunk of 2000 of them is tens of megabytes, and the chunks
     * in flight (queue, conversion, write) kept the young generation full of live data, so that collections
     * copied it over and over. Smaller page chunks keep the heap small; their checkpoints are only closer.
     */
    static final int PAGES_PER_CHUNK = 250;

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(3);
    private final ExecutorService converters;
    private final Thread thread;

    /** Reads {@code first} after {@code afterId}, then every table up to {@code last} inclusive, in order. */
    ChunkReader(Path file, LegacyTable first, long afterId, LegacyTable last, int chunkSize, int converterThreads,
                Function<List<SourceRow>, PreparedChunk> prepare) {
        AtomicInteger n = new AtomicInteger();
        converters = Executors.newFixedThreadPool(converterThreads, r -> {
            Thread t = new Thread(r, "legacy-import-convert-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        thread = new Thread(() -> produce(file, first, afterId, last, chunkSize, prepare), "legacy-import-reader-" + first.tableName());
        thread.setDaemon(true);
        thread.start();
    }

    private void produce(Path file, LegacyTable first, long afterId, LegacyTable lastTable, int chunkSize,
                         Function<List<SourceRow>, PreparedChunk> prepare) {
        Object last = END;
        try (LegacySource source = LegacySource.open(file)) {
            LegacyTable[] tables = LegacyTable.values();
            for (int t = first.ordinal(); t <= lastTable.ordinal(); t++) {
                long after = tables[t] == first ? afterId : 0;
                int rowsPerChunk = tables[t] == LegacyTable.PAGES ? Math.min(chunkSize, PAGES_PER_CHUNK) : chunkSize;
                while (true) {
                    List<SourceRow> rows = source.readChunk(tables[t], after, rowsPerChunk);
                    if (rows.isEmpty()) {
                        break;
                    }
                    after = rows.get(rows.size() - 1).id();
                    queue.put(converters.submit(() -> prepare.apply(rows)));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return; // the writer gave up and closed us: nobody waits for more
        } catch (Exception | Error e) {
            last = e;
        }
        try {
            queue.put(last);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return the next chunk, or null after the last one */
    PreparedChunk next() throws Exception {
        Object o = queue.take();
        if (o == END) {
            queue.put(END); // further calls keep answering "no more"
            return null;
        }
        if (o instanceof Exception e) {
            throw e;
        }
        if (o instanceof Error e) {
            throw e;
        }
        @SuppressWarnings("unchecked")
        Future<PreparedChunk> converted = (Future<PreparedChunk>) o;
        try {
            return converted.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        thread.interrupt();
        converters.shutdownNow();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.log(Level.FINE, "interrupted while stopping the reader thread", e);
        }
    }
}
