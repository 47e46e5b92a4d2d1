package com.zemo.legacy.mapping;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** gzip for pages.html_gzip. Level 1: HTML still shrinks about 4×, at a fraction of the default level's CPU. */
public final class Gzip {
    private Gzip() {
    }

    public static byte[] compress(byte[] data) {
        if (data == null) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length / 3));
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException("gzip in memory failed", e);
        }
        return out.toByteArray();
    }

    public static byte[] decompress(byte[] gz) {
        if (gz == null) {
            return null;
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz), 8192)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("not gzip data", e);
        }
    }
}
