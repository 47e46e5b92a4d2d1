package com.zemo.legacy.mapping;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * gzip (RFC 1952) for pages.html_gzip. Level 1: HTML still shrinks about 4×, at a fraction of the default level's CPU.
 *
 * <p>One deflater and one inflater per thread, reset between pages: {@code GZIPOutputStream} and {@code GZIPInputStream}
 * allocate a fresh zlib state (about 270 KB of native memory) for every page and free it again, and on the import's
 * 2-core benchmark that allocation (kernel time zeroing the pages) cost more CPU than the compression itself.
 */
public final class Gzip {
    private static final int MAGIC_1 = 0x1f;
    private static final int MAGIC_2 = 0x8b;
    private static final int DEFLATED = 8;
    private static final int HEADER = 10;
    private static final int TRAILER = 8;
    private static final int OS_UNKNOWN = 255;
    /** Above this a page is not inflated into one array sized from the trailer (whose size is modulo 2^32 anyway). */
    private static final int MAX_DIRECT = 64 << 20;

    private static final ThreadLocal<Deflater> DEFLATER = ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_SPEED, true));
    private static final ThreadLocal<Inflater> INFLATER = ThreadLocal.withInitial(() -> new Inflater(true));
    private static final ThreadLocal<byte[]> CHUNK = ThreadLocal.withInitial(() -> new byte[32 * 1024]);

    private Gzip() {
    }

    public static byte[] compress(byte[] data) {
        if (data == null) {
            return null;
        }
        Deflater deflater = DEFLATER.get();
        deflater.reset();
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length / 3));
        out.write(new byte[] {(byte) MAGIC_1, (byte) MAGIC_2, DEFLATED, 0, 0, 0, 0, 0, 0, (byte) OS_UNKNOWN}, 0, HEADER);
        byte[] chunk = CHUNK.get();
        while (!deflater.finished()) {
            int n = deflater.deflate(chunk);
            out.write(chunk, 0, n);
        }
        CRC32 crc = new CRC32();
        crc.update(data);
        writeIntLe(out, (int) crc.getValue());
        writeIntLe(out, data.length);
        return out.toByteArray();
    }

    public static byte[] decompress(byte[] gz) {
        if (gz == null) {
            return null;
        }
        if (gz.length < HEADER + TRAILER || (gz[0] & 0xff) != MAGIC_1 || (gz[1] & 0xff) != MAGIC_2 || gz[2] != DEFLATED) {
            throw new UncheckedIOException("not gzip data", new ZipException("no gzip header"));
        }
        int size = readIntLe(gz, gz.length - 4);
        if (gz[3] != 0 || size < 0 || size > MAX_DIRECT) {
            return viaStream(gz);   // optional header fields (name, comment, extra) or a very large page: the JDK's reader handles them
        }
        Inflater inflater = INFLATER.get();
        inflater.reset();
        inflater.setInput(gz, HEADER, gz.length - HEADER);
        byte[] out = new byte[size];
        int n = 0;
        try {
            while (n < size) {
                int k = inflater.inflate(out, n, size - n);
                if (k == 0) {
                    break;   // finished early, or the stream is cut short: checked below
                }
                n += k;
            }
            // with the output full the inflater may not have read the end of the last block yet
            if (n == size && !inflater.finished() && inflater.inflate(CHUNK.get(), 0, 1) > 0) {
                return viaStream(gz);   // more data than the trailer says (a size of 4 GB or more, modulo 2^32)
            }
        } catch (DataFormatException e) {
            throw new UncheckedIOException("not gzip data", new ZipException(e.getMessage()));
        }
        if (!inflater.finished() || n != size || inflater.getRemaining() != TRAILER) {
            return viaStream(gz);   // several gzip members, or cut short: the JDK's reader decides (and reports)
        }
        CRC32 crc = new CRC32();
        crc.update(out, 0, n);
        if ((int) crc.getValue() != readIntLe(gz, gz.length - TRAILER)) {
            throw new UncheckedIOException("not gzip data", new ZipException("CRC mismatch"));
        }
        return out;
    }

    private static byte[] viaStream(byte[] gz) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz), 8192)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("not gzip data", e);
        }
    }

    private static void writeIntLe(ByteArrayOutputStream out, int v) {
        out.write(v);
        out.write(v >>> 8);
        out.write(v >>> 16);
        out.write(v >>> 24);
    }

    private static int readIntLe(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }
}
