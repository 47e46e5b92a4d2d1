package com.zemo.legacy.mapping;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Numbers, instants, booleans, NULL and short texts enter the digest without building their text first; the
 * checksum must stay the one of that text, byte for byte, or id maps written by earlier runs would no longer
 * match and a delta sync would see every row as changed.
 */
class RowDigestTest {

    @Test
    void everyCommonFormDigestsAsTheBytesOfItsText() {
        Random random = new Random(42);
        List<Object> values = new ArrayList<>(List.of(0L, -1L, 7, (short) -3, Long.MAX_VALUE, Long.MIN_VALUE, Integer.MIN_VALUE,
                true, false, "", "plain ascii", "Кириллица и ё", "emoji \uD83D\uDE00 pair", "unpaired \uD800 high", "low \uDC00 alone",
                Instant.EPOCH, Instant.parse("1969-12-31T23:59:59.999999999Z"), Instant.parse("2024-10-02T09:15:30.123456789Z")));
        for (int i = 0; i < 2000; i++) {
            values.add(random.nextLong() >> random.nextInt(64));
            values.add(Instant.ofEpochSecond(random.nextInt() * 4L, random.nextInt(1_000_000_000)));
            values.add(randomText(random, random.nextInt(RowDigest.LONG_STRING + 1)));
        }
        values.add(null);
        for (Object v : values) {
            assertThat(new RowDigest().add(v).hex()).as(String.valueOf(v)).isEqualTo(RowDigest.ofRaw(textOf(v), new byte[]{0x1f}));
        }
        // and in a row, after other values (the pending partial block carries over)
        RowDigest row = new RowDigest();
        List<byte[]> pieces = new ArrayList<>();
        for (Object v : values) {
            row.add(v);
            pieces.add(textOf(v));
            pieces.add(new byte[]{0x1f});
        }
        assertThat(row.hex()).isEqualTo(RowDigest.ofRaw(pieces.toArray(byte[][]::new)));
    }

    /** The text each form entered as before: what the digest must still see. */
    private static byte[] textOf(Object v) {
        String text;
        if (v == null) {
            text = "\u0000null";
        } else if (v instanceof Instant t) {
            text = "t" + t.getEpochSecond() + "." + t.getNano() / 1000;
        } else if (v instanceof Boolean b) {
            text = b ? "T" : "F";
        } else if (v instanceof String s) {
            text = "s" + s;
        } else {
            text = "i" + ((Number) v).longValue();
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String randomText(Random random, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            sb.append(kind < 6 ? (char) (32 + random.nextInt(95)) : kind < 9 ? (char) (0x410 + random.nextInt(64))
                    : (char) (0xD800 + random.nextInt(0x800))); // surrogates, paired or not
        }
        return sb.toString();
    }
}
