package com.zemo.legacy.mapping;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The reused deflater and inflater must read and write exactly what the JDK's gzip streams do. */
class GzipTest {

    @Test
    void whatItWritesTheJdkReadsAndTheOtherWayRound() throws IOException {
        Random random = new Random(7);
        for (int size : new int[] {0, 1, 100, 32 * 1024, 32 * 1024 + 1, 300_000}) {
            byte[] data = new byte[size];
            random.nextBytes(data);
            for (int i = 0; i < size / 2; i++) {
                data[i] = (byte) ('a' + i % 7);   // half compressible, half not
            }
            byte[] ours = Gzip.compress(data);
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(ours))) {
                assertThat(in.readAllBytes()).as("JDK reads ours, %d bytes", size).isEqualTo(data);
            }
            assertThat(Gzip.decompress(jdkGzip(data))).as("we read the JDK's, %d bytes", size).isEqualTo(data);
            assertThat(Gzip.decompress(ours)).isEqualTo(data);
        }
    }

    @Test
    void optionalHeaderFieldsAndSeveralMembersAreRead() throws IOException {
        byte[] html = "<p>Окна</p>".getBytes(StandardCharsets.UTF_8);
        byte[] named = jdkGzip(html).clone();
        // FNAME: a zero-terminated file name after the fixed header, as gzip(1) writes it
        byte[] withName = new byte[named.length + 4];
        System.arraycopy(named, 0, withName, 0, 10);
        withName[3] = 8;
        System.arraycopy("a.h\0".getBytes(StandardCharsets.US_ASCII), 0, withName, 10, 4);
        System.arraycopy(named, 10, withName, 14, named.length - 10);
        assertThat(Gzip.decompress(withName)).isEqualTo(html);

        byte[] two = new byte[named.length * 2];
        System.arraycopy(named, 0, two, 0, named.length);
        System.arraycopy(named, 0, two, named.length, named.length);
        byte[] twice = new byte[html.length * 2];
        System.arraycopy(html, 0, twice, 0, html.length);
        System.arraycopy(html, 0, twice, html.length, html.length);
        assertThat(Gzip.decompress(two)).isEqualTo(twice);
    }

    @Test
    void damagedDataIsRefusedNotGarbled() throws IOException {
        byte[] data = "<html>".repeat(1000).getBytes(StandardCharsets.UTF_8);
        byte[] gz = Gzip.compress(data);
        byte[] badCrc = gz.clone();
        badCrc[gz.length - 8] ^= 1;
        assertThatThrownBy(() -> Gzip.decompress(badCrc)).isInstanceOf(UncheckedIOException.class);
        byte[] cut = Arrays.copyOf(gz, gz.length / 2);
        assertThatThrownBy(() -> Gzip.decompress(cut)).isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> Gzip.decompress("plain text, not gzip".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(Gzip.decompress(null)).isNull();
    }

    private static byte[] jdkGzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }
}
