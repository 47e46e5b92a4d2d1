package com.zemo.scrape.fetch;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static com.zemo.scrape.fetch.FixtureServer.CP1251;
import static org.assertj.core.api.Assertions.assertThat;

class CharsetDetectorTest {
    private static final String RU = "<html><head>%s<title>Окна</title></head><body><p>Пластиковые окна, ёлки и «кавычки».</p></body></html>";

    @Test
    void windows1251WithTheCharsetOnlyInMetaHttpEquiv() {
        byte[] body = RU.formatted("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">").getBytes(CP1251);
        CharsetDetector.Detected d = CharsetDetector.detect(body, "text/html");
        assertThat(d.charset()).isEqualTo(CP1251);
        assertThat(d.source()).isEqualTo(CharsetDetector.Source.META);
        assertThat(d.decode(body)).contains("Пластиковые окна, ёлки и «кавычки»");
    }

    @Test
    void windows1251WithMetaCharsetAndAnAlias() {
        byte[] body = RU.formatted("<META CHARSET='cp1251'>").getBytes(CP1251);
        assertThat(CharsetDetector.detect(body, null).charset()).isEqualTo(CP1251);
    }

    @Test
    void theHeaderWinsOverMeta() {
        byte[] body = RU.formatted("<meta charset=\"utf-8\">").getBytes(CP1251);
        CharsetDetector.Detected d = CharsetDetector.detect(body, "text/html; charset=Windows-1251");
        assertThat(d.source()).isEqualTo(CharsetDetector.Source.HEADER);
        assertThat(d.decode(body)).contains("Пластиковые");
    }

    @Test
    void aUtf8HeaderOverBytesThatAreNotUtf8IsIgnored() {
        byte[] body = RU.formatted("<meta charset=\"windows-1251\">").getBytes(CP1251);
        CharsetDetector.Detected d = CharsetDetector.detect(body, "text/html; charset=UTF-8");
        assertThat(d.charset()).isEqualTo(CP1251);
        assertThat(d.decode(body)).contains("Пластиковые");
    }

    @Test
    void aBomWinsOverHeaderAndMetaAndIsNotPartOfTheText() {
        byte[] text = RU.formatted("<meta charset=\"windows-1251\">").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[text.length + 3];
        body[0] = (byte) 0xEF;
        body[1] = (byte) 0xBB;
        body[2] = (byte) 0xBF;
        System.arraycopy(text, 0, body, 3, text.length);
        CharsetDetector.Detected d = CharsetDetector.detect(body, "text/html; charset=windows-1251");
        assertThat(d.source()).isEqualTo(CharsetDetector.Source.BOM);
        assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(d.decode(body)).startsWith("<html>").contains("Пластиковые");
    }

    @Test
    void utf16Boms() {
        byte[] le = "\uFEFF<p>Окна</p>".getBytes(StandardCharsets.UTF_16LE);
        assertThat(CharsetDetector.detect(le, null).decode(le)).isEqualTo("<p>Окна</p>");
    }

    @Test
    void withoutAnyLabelValidUtf8IsUtf8AndCyrillicBytesAreWindows1251() {
        byte[] utf8 = RU.formatted("").getBytes(StandardCharsets.UTF_8);
        assertThat(CharsetDetector.detect(utf8, "text/html").charset()).isEqualTo(StandardCharsets.UTF_8);
        byte[] cp = RU.formatted("").getBytes(CP1251);
        CharsetDetector.Detected d = CharsetDetector.detect(cp, "text/html");
        assertThat(d.source()).isEqualTo(CharsetDetector.Source.GUESS);
        assertThat(d.charset()).isEqualTo(CP1251);
    }

    @Test
    void anUnknownLabelFallsThrough() {
        byte[] body = RU.formatted("<meta charset=\"x-klingon\">").getBytes(StandardCharsets.UTF_8);
        assertThat(CharsetDetector.detect(body, "text/html; charset=bogus").charset()).isEqualTo(StandardCharsets.UTF_8);
    }
}
