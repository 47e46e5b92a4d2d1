package com.zemo.legacy.mapping;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class Utf8TextTest {
    /** ASCII, Cyrillic (2 bytes), CJK (3 bytes), emoji (4 bytes, a surrogate pair), control characters. */
    private static final String ALPHABET = "aZ0 \t\n\\\"ёЖщ中文😀🚀\u0001";

    @Test
    void digestsLikeTheDecodedString() {
        SplittableRandom r = new SplittableRandom(7);
        List<Integer> lengths = List.of(0, 1, 255, 256, 257, 300, 1000, 128, 129);
        for (int round = 0; round < 200; round++) {
            int n = round < lengths.size() ? lengths.get(round) : r.nextInt(600);
            StringBuilder b = new StringBuilder();
            while (b.length() < n) {
                b.appendCodePoint(ALPHABET.codePointAt(ALPHABET.offsetByCodePoints(0, r.nextInt(ALPHABET.codePointCount(0, ALPHABET.length())))));
            }
            String s = b.toString();
            Utf8Text u = new Utf8Text(s.getBytes(StandardCharsets.UTF_8));
            assertEquals(s.length(), u.utf16Length(), s);
            assertEquals(new RowDigest().add(1L).add(s).add(true).hex(), new RowDigest().add(1L).add(u).add(true).hex(), s);
        }
    }

    @Test
    void aPageReadBackWithItsTextAsBytesHasThePagesChecksum() {
        Instant at = Instant.parse("2024-03-01T10:15:30Z");
        String text = "Главная страница ".repeat(40);
        PageRow p = new PageRow(5, 9L, "https://example.ru/", 200L, "Заголовок", "<html>x</html>".getBytes(StandardCharsets.UTF_8),
                "utf-8", text, at, List.of());
        assertEquals(p.checksum(), PageRow.checksum(9L, "https://example.ru/", 200L, "Заголовок", p.html(), "utf-8",
                new Utf8Text(text.getBytes(StandardCharsets.UTF_8)), at));
        assertEquals(new PageRow(5, 9L, "", null, null, null, null, null, at, List.of()).checksum(),
                PageRow.checksum(9L, "", null, null, null, null, null, at));
    }
}
