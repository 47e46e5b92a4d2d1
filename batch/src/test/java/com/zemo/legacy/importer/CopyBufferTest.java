package com.zemo.legacy.importer;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class CopyBufferTest {

    @Test
    void writesWhatStringGetBytesWouldWithCopyEscapes() throws Exception {
        String text = "Окна\tПВХ\\n\r\n 😀 end" + '\uD800' + "x" + '\uDC00' + "€";
        CopyBuffer b = new CopyBuffer(4);
        b.escaped(text);
        String expected = text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
        assertThat(b.stream().readAllBytes()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void byteaAsEscapedHexAndAsciiAsIs() throws Exception {
        CopyBuffer b = new CopyBuffer(2);
        b.hex(new byte[]{0x00, (byte) 0xff, 0x1f});
        b.ascii('\t');
        b.ascii("\\N");
        assertThat(new String(b.stream().readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("\\\\x00ff1f\t\\N");
        b.clear();
        assertThat(b.length()).isZero();
    }

    @Test
    void numbersAsLongToStringWritesThem() throws Exception {
        Random random = new Random(7);
        long[] edge = {0, 1, -1, 9, 10, -10, 99, 100, Long.MAX_VALUE, Long.MIN_VALUE, Integer.MIN_VALUE};
        StringBuilder expected = new StringBuilder();
        CopyBuffer b = new CopyBuffer(1);
        for (int i = 0; i < edge.length + 5000; i++) {
            long v = i < edge.length ? edge[i] : random.nextLong() >> random.nextInt(64);
            b.decimal(v);
            b.ascii('\t');
            expected.append(v).append('\t');
        }
        assertThat(new String(b.stream().readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo(expected.toString());
    }

    @Test
    void timestampsAreIsoInstantsThatReadBackAsTheSameInstant() throws Exception {
        Random random = new Random(11);
        long min = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            Instant t = switch (i) {
                case 0 -> Instant.EPOCH;
                case 1 -> Instant.parse("1969-12-31T23:59:59.999999999Z");
                case 2 -> Instant.parse("2000-02-29T12:00:00.000001Z");
                case 3 -> Instant.ofEpochSecond(min);
                case 4 -> Instant.ofEpochSecond(max, 999_999_999);
                default -> Instant.ofEpochSecond(min + (long) (random.nextDouble() * (max - min)),
                        random.nextBoolean() ? 0 : random.nextInt(1_000_000_000));
            };
            CopyBuffer b = new CopyBuffer(4);
            b.timestamp(t);
            String written = new String(b.stream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(written).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{9})?Z");
            assertThat(OffsetDateTime.parse(written).toInstant()).as(written).isEqualTo(t);
        }
        CopyBuffer outside = new CopyBuffer(4);
        Instant bc = Instant.parse("-0044-03-15T12:00:00Z");
        outside.timestamp(bc);
        assertThat(new String(outside.stream().readAllBytes(), StandardCharsets.US_ASCII)).as("written as before").isEqualTo(OffsetDateTime.ofInstant(bc, java.time.ZoneOffset.UTC).toString());
    }
}
