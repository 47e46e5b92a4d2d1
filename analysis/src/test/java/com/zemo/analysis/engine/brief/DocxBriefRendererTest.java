package com.zemo.analysis.engine.brief;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class DocxBriefRendererTest {

    @Test
    void aWordPackageWithEveryPartWellFormedAndValuesEscaped() throws Exception {
        Brief b = new Brief("пластиковые окна <&>", "ru", List.of("Как выбрать окна"), List.of("Пластиковые окна"),
                List.of(new OutlineItem(2, "Профиль & стеклопакет")), new LengthTarget(800, 1200, 1600),
                List.of(new TermTarget("профиль", "профиль", 2, 6, 1.5, 0.8, List.of("body"))),
                List.of("Какой профиль выбрать?"), List.of("https://ru.wikipedia.org/x — encyclopedia"), 7);
        byte[] docx = new DocxBriefRenderer().render(b);
        Map<String, String> parts = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                parts.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(parts).containsKeys("[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/_rels/document.xml.rels");
        for (String xml : parts.values()) {
            Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            assertThat(d.getDocumentElement()).isNotNull();
        }
        String doc = parts.get("word/document.xml");
        assertThat(doc).contains("пластиковые окна &lt;&amp;&gt;").contains("Профиль &amp; стеклопакет").contains("<w:tbl>")
                .contains("2–6").contains("Какой профиль выбрать?").contains("800–1600 words (median 1200)");
        assertThat(DocxBriefRenderer.xml("a\u0001b")).isEqualTo("ab");
    }
}
