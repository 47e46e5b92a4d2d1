package com.zemo.analysis.engine.brief;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Renders a {@link Brief} as a Word document (Office Open XML, the minimum parts Word and LibreOffice need):
 * headings, lists as paragraphs, the term table as a real table. Written by hand rather than with a library:
 * four small XML parts, no dependency, and every value XML-escaped.
 */
public final class DocxBriefRenderer {
    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static final String CONTENT_TYPES = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
            <Default Extension="xml" ContentType="application/xml"/>
            <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
            <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
            </Types>""";
    private static final String RELS = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
            </Relationships>""";
    private static final String DOCUMENT_RELS = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
            </Relationships>""";
    private static final String STYLES = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
            <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:rPr><w:sz w:val="22"/></w:rPr></w:style>
            <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="36"/></w:rPr></w:style>
            <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style>
            <w:style w:type="table" w:styleId="Grid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders>
            <w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/>
            <w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders></w:tblPr></w:style>
            </w:styles>""";

    public byte[] render(Brief b) {
        StringBuilder body = new StringBuilder(8192);
        heading(body, 1, "Brief: " + b.query());
        para(body, "Language: " + b.language() + " · pages analysed: " + b.pagesAnalysed());
        heading(body, 2, "Length");
        para(body, String.format(Locale.ROOT, "%d–%d words (median %d)", b.length().min(), b.length().max(), b.length().target()));
        list(body, "Title suggestions", b.titleSuggestions());
        list(body, "H1 suggestions", b.h1Suggestions());
        heading(body, 2, "Outline");
        for (OutlineItem o : b.outline()) {
            para(body, "    ".repeat(Math.max(0, o.level() - 1)) + "H" + o.level() + ": " + o.text());
        }
        heading(body, 2, "Terms");
        body.append("<w:tbl><w:tblPr><w:tblStyle w:val=\"Grid\"/><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>");
        row(body, true, "term", "occurrences", "weight", "pages");
        for (TermTarget t : b.terms()) {
            row(body, false, t.display(), t.min() + "–" + t.max(), String.format(Locale.ROOT, "%.2f", t.weight()),
                    String.format(Locale.ROOT, "%.0f %%", t.share() * 100));
        }
        body.append("</w:tbl>");
        if (!b.questions().isEmpty()) {
            list(body, "Questions to answer", b.questions());
        }
        if (!b.excludedPages().isEmpty()) {
            list(body, "Pages left out", b.excludedPages());
        }
        String document = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                + body + "<w:sectPr/></w:body></w:document>";
        ByteArrayOutputStream out = new ByteArrayOutputStream(16_384);
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            part(zip, "[Content_Types].xml", CONTENT_TYPES);
            part(zip, "_rels/.rels", RELS);
            part(zip, "word/_rels/document.xml.rels", DOCUMENT_RELS);
            part(zip, "word/styles.xml", STYLES);
            part(zip, "word/document.xml", document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void list(StringBuilder body, String title, List<String> items) {
        heading(body, 2, title);
        items.forEach(i -> para(body, "• " + i));
    }

    private static void heading(StringBuilder body, int level, String text) {
        body.append("<w:p><w:pPr><w:pStyle w:val=\"Heading").append(level).append("\"/></w:pPr>").append(run(text)).append("</w:p>");
    }

    private static void para(StringBuilder body, String text) {
        body.append("<w:p>").append(run(text)).append("</w:p>");
    }

    private static void row(StringBuilder body, boolean header, String... cells) {
        body.append("<w:tr>");
        for (String c : cells) {
            body.append("<w:tc><w:p>").append(header ? "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">" + xml(c) + "</w:t></w:r>" : run(c))
                    .append("</w:p></w:tc>");
        }
        body.append("</w:tr>");
    }

    private static String run(String text) {
        return "<w:r><w:t xml:space=\"preserve\">" + xml(text) + "</w:t></w:r>";
    }

    /** XML-escapes and drops the control characters XML 1.0 cannot hold. */
    static String xml(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    private static void part(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
