package com.zemo.legacy.mapping;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** JSON, page HTML, secrets and checksums. */
class LegacyContentTest {

    @Test
    void validJsonIsKeptAndCanonicalised() {
        LegacyJson.JsonColumn c = LegacyJson.parse("{\"b\": 1, \"a\": [1.50, \"\\u043e\\u043a\"], \"a\": [2]}");
        assertThat(c.json()).isNotNull();
        assertThat(c.raw()).isNull();
        assertThat(c.canonical()).isEqualTo("{\"a\":[2],\"b\":1}");
        // The same value as ensure_ascii and as UTF-8, as Python wrote it both ways, canonicalises the same.
        assertThat(CanonicalJson.canonicalOrNull("{\"k\": \"\\u043e\\u043a\\u043d\\u0430\"}"))
                .isEqualTo(CanonicalJson.canonicalOrNull("{\"k\":\"окна\"}"));
        assertThat(CanonicalJson.canonicalOrNull("[1e2, 1.50, -0, 0.0]")).isEqualTo("[100,1.50,0,0.0]");
    }

    @Test
    void cutShortJsonIsKeptRawAndFlagged() {
        LegacyJson.JsonColumn c = LegacyJson.parse("{\"keyword\": \"купить пластиковые окна\", \"engine\": \"yan");
        assertThat(c.json()).isNull();
        assertThat(c.raw()).startsWith("{\"keyword\"");
        assertThat(c.problem()).contains("not valid JSON");
        assertThat(LegacyJson.parse("{\"a\": 1} trailing").raw()).isNotNull();
        assertThat(LegacyJson.parse("{\"a\": \"\\u0000\"}").raw()).as("jsonb refuses \\u0000").isNotNull();
        assertThat(LegacyJson.parse("").problem()).contains("empty");
    }

    @Test
    void resultTextNullIsNoResult() {
        LegacyJson.JsonColumn c = LegacyJson.parse("null");
        assertThat(c.json()).isNull();
        assertThat(c.raw()).isNull();
        assertThat(c.problem()).isNull();
        assertThat(LegacyJson.parse(" null ").json()).isNull();
        assertThat(LegacyJson.parse(null).json()).isNull();
    }

    @Test
    void htmlIsDecodedByItsOwnCharset() {
        String text = "<html><head><meta charset=\"windows-1251\"><title>Окна</title></head><body>Купить окна</body></html>";
        PageHtml.Decoded cp = PageHtml.decode(text.getBytes(Charset.forName("windows-1251")));
        assertThat(cp.charset()).isEqualTo("windows-1251");
        assertThat(cp.text()).contains("Купить окна");
        assertThat(cp.problem()).isNull();

        String utf = "<html><head><meta charset=\"utf-8\"></head><body>Натяжные потолки 🔥</body></html>";
        PageHtml.Decoded u = PageHtml.decode(utf.getBytes(StandardCharsets.UTF_8));
        assertThat(u.charset()).isEqualTo("utf-8");
        assertThat(u.text()).contains("🔥");

        String httpEquiv = "<meta http-equiv='Content-Type' content='text/html; charset=windows-1251'><p>Цена</p>";
        assertThat(PageHtml.decode(httpEquiv.getBytes(Charset.forName("windows-1251"))).text()).contains("Цена");
    }

    @Test
    void htmlWithoutOrWithAWrongCharsetIsSniffedAndFlagged() {
        PageHtml.Decoded none = PageHtml.decode("<p>Доставка по Москве</p>".getBytes(Charset.forName("windows-1251")));
        assertThat(none.charset()).isEqualTo("windows-1251");
        assertThat(none.text()).contains("Доставка");
        assertThat(none.problem()).contains("windows-1251 assumed");
        assertThat(PageHtml.decode("<p>ok</p>".getBytes(StandardCharsets.UTF_8)).problem()).isNull();
        PageHtml.Decoded lying = PageHtml.decode("<meta charset=\"utf-8\"><p>Окна</p>".getBytes(Charset.forName("windows-1251")));
        assertThat(lying.charset()).isEqualTo("windows-1251");
        assertThat(lying.problem()).contains("do not match");
        assertThat(PageHtml.decode("<meta charset=\"x-klingon\">".getBytes(StandardCharsets.UTF_8)).problem()).contains("unknown");
        assertThat(PageHtml.decode(null).charset()).isNull();
    }

    @Test
    void utf8ValidationMatchesTheJdkDecoder() {
        assertThat(PageHtml.isUtf8("окна 🔥 a".getBytes(StandardCharsets.UTF_8))).isTrue();
        byte[] cut = "ок".getBytes(StandardCharsets.UTF_8);
        assertThat(PageHtml.isUtf8(java.util.Arrays.copyOf(cut, 3))).as("cut inside a character").isFalse();
        assertThat(PageHtml.isUtf8(new byte[]{(byte) 0xC0, (byte) 0xAF})).as("overlong").isFalse();
        assertThat(PageHtml.isUtf8(new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80})).as("surrogate").isFalse();
        assertThat(PageHtml.isUtf8(new byte[]{(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80})).as("above U+10FFFF").isFalse();
        assertThat(PageHtml.isUtf8("Окна".getBytes(Charset.forName("windows-1251")))).isFalse();
        // The eight-bytes-at-a-time ASCII skip against the JDK's strict decoder, on mixed and broken inputs.
        java.util.Random random = new java.util.Random(7);
        for (int k = 0; k < 2000; k++) {
            byte[] bytes = ("<p>ascii run " + "x".repeat(random.nextInt(20)) + "</p> окна " + "y".repeat(random.nextInt(12)))
                    .getBytes(StandardCharsets.UTF_8);
            if (k % 2 == 1) {
                bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(128));
            }
            boolean strict;
            try {
                StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
                strict = true;
            } catch (java.nio.charset.CharacterCodingException e) {
                strict = false;
            }
            assertThat(PageHtml.isUtf8(bytes)).as(java.util.Arrays.toString(bytes)).isEqualTo(strict);
        }
    }

    @Test
    void gzipRoundTrips() {
        byte[] html = "<p>Окна</p>".repeat(100).getBytes(StandardCharsets.UTF_8);
        byte[] gz = Gzip.compress(html);
        assertThat(gz.length).isLessThan(html.length / 4);
        assertThat(Gzip.decompress(gz)).isEqualTo(html);
        assertThat(Gzip.compress(null)).isNull();
    }

    @Test
    void secretsAndHints() {
        assertThat(SecretSettings.isSecret("openai_api_key")).isTrue();
        assertThat(SecretSettings.isSecret("serpapi_key")).isTrue();
        assertThat(SecretSettings.isSecret("telegram_token")).isTrue();
        assertThat(SecretSettings.isSecret("default_model")).isFalse();
        assertThat(SecretSettings.isSecret("language")).isFalse();
        assertThat(SecretSettings.hint("sk-0123456789abcdefabcd")).isEqualTo("sk-…abcd");
        assertThat(SecretSettings.hint("0123456789abcdef9f3e")).isEqualTo("…9f3e");
        assertThat(SecretSettings.hint("short")).isEqualTo("…");
    }

    @Test
    void digestDistinguishesTypesAndNulls() {
        assertThat(new RowDigest().add(null).add("a").hex()).isNotEqualTo(new RowDigest().add("a").add(null).hex());
        assertThat(new RowDigest().add(1L).hex()).isEqualTo(new RowDigest().add(1).hex());
        assertThat(new RowDigest().add(new java.math.BigDecimal("0.70")).hex())
                .isEqualTo(new RowDigest().add(new java.math.BigDecimal("0.7")).hex());
        assertThat(new RowDigest().add("1").hex()).isNotEqualTo(new RowDigest().add(1L).hex());
        byte[] page = "<p>Окна</p>".getBytes(StandardCharsets.UTF_8);
        byte[] changed = page.clone();
        changed[3] ^= 1;
        assertThat(new RowDigest().add(page).hex()).isEqualTo(new RowDigest().add(page.clone()).hex())
                .isNotEqualTo(new RowDigest().add(changed).hex());
        String text = "Пластиковые окна ".repeat(40);
        String changedText = text.substring(0, 300) + "О" + text.substring(301);
        assertThat(new RowDigest().add(text).hex()).isEqualTo(new RowDigest().add(new String(text)).hex())
                .isNotEqualTo(new RowDigest().add(changedText).hex())
                .isNotEqualTo(new RowDigest().add(text.getBytes(StandardCharsets.UTF_8)).hex());
        // MurmurHash3 x64 128 reference values (seed 0, as Guava's murmur3_128 gives them), whole or streamed in pieces.
        byte[] fox = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8);
        assertThat(RowDigest.ofRaw("hello".getBytes(StandardCharsets.UTF_8))).isEqualTo("029bbd41b3a7d8cb191dae486a901e5b");
        assertThat(RowDigest.ofRaw(fox)).isEqualTo("6c1b07bc7bbc4be347939ac4a93c437a")
                .isEqualTo(RowDigest.ofRaw(java.util.Arrays.copyOfRange(fox, 0, 5), java.util.Arrays.copyOfRange(fox, 5, 37),
                        java.util.Arrays.copyOfRange(fox, 37, fox.length)));
        assertThat(RowDigest.sha256("sk-" + "a".repeat(300))).isNotEqualTo(RowDigest.sha256("sk-" + "a".repeat(299) + "b")).hasSize(64);
    }

    @Test
    void shortTextsEnterTheDigestAsTaggedUtf8() {
        for (String text : new String[]{"", "a", "Окна ПВХ 😀", "x".repeat(256), "ab" + '\uD800' + "c"}) {
            byte[] tagged = ("s" + text + "\u001f").getBytes(StandardCharsets.UTF_8);
            assertThat(new RowDigest().add(text).hex()).as(text).isEqualTo(RowDigest.ofRaw(tagged));
        }
        // Long texts: their UTF-8 (as getBytes makes it, unpaired surrogates as '?') by length and two CRCs.
        for (String text : new String[]{"x".repeat(257), "Окна ПВХ 😀 ".repeat(40), "a".repeat(300) + '\uDC00' + "я" + '\uD800'}) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(utf8);
            java.util.zip.CRC32C crcC = new java.util.zip.CRC32C();
            crcC.update(utf8);
            byte[] tagged = ("S" + utf8.length + ":" + crc.getValue() + ":" + crcC.getValue() + "\u001f").getBytes(StandardCharsets.UTF_8);
            assertThat(new RowDigest().add(text).hex()).as(text).isEqualTo(RowDigest.ofRaw(tagged));
        }
        assertThat(new RowDigest().add("a").add("b").hex())
                .isEqualTo(RowDigest.ofRaw("sa\u001fsb\u001f".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void utf8ValidationOfCyrillicAndRandomBytesMatchesTheJdkDecoder() {
        java.util.Random random = new java.util.Random(11);
        String[] pieces = {"окна", "ПВХ", " ", "<p>", "€", "😀", "x", "ё", "\u07FF", "\u0800", "\uFFFD", "\uD7FF", "\uE000"};
        for (int k = 0; k < 20_000; k++) {
            byte[] bytes;
            if (k % 5 == 4) {
                bytes = new byte[random.nextInt(40)];
                random.nextBytes(bytes);
            } else {
                StringBuilder sb = new StringBuilder();
                for (int p = random.nextInt(30); p >= 0; p--) {
                    sb.append(pieces[random.nextInt(pieces.length)]);
                }
                bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
                for (int broken = k % 3; broken > 0 && bytes.length > 0; broken--) {
                    bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                }
                if (k % 7 == 0 && bytes.length > 1) {
                    bytes = java.util.Arrays.copyOf(bytes, bytes.length - 1 - random.nextInt(Math.min(3, bytes.length - 1)));
                }
            }
            boolean strict;
            try {
                StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
                strict = true;
            } catch (java.nio.charset.CharacterCodingException e) {
                strict = false;
            }
            assertThat(PageHtml.isUtf8(bytes)).as(java.util.Arrays.toString(bytes)).isEqualTo(strict);
        }
        // Leads C0/C1 (overlong) inside an otherwise well-formed run of two-byte characters.
        byte[] run = "окнаокна".getBytes(StandardCharsets.UTF_8);
        for (int at = 0; at < run.length; at += 2) {
            for (int lead : new int[]{0xC0, 0xC1}) {
                byte[] b = run.clone();
                b[at] = (byte) lead;
                assertThat(PageHtml.isUtf8(b)).as("lead %x at %d", lead, at).isFalse();
            }
        }
    }
}
