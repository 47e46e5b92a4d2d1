package com.zemo.legacy.mapping;

import com.zemo.legacy.source.SourceRow;

import java.time.Instant;
import java.util.List;

/**
 * legacy pages → pages. html: the bytes as fetched, gzip-compressed into html_gzip, with the charset they
 * declare (checked by decoding them); text → main_text. A NULL url becomes '' (NOT NULL in Zemo).
 */
public record PageRow(long legacyId, Long legacyJobId, String url, Long statusCode, String title, byte[] html,
                      String charset, String mainText, Instant fetchedAt, List<Flag> flags) {

    public static PageRow fromSource(SourceRow r) throws QuarantineException {
        FlagCollector f = new FlagCollector(r);
        Object rawHtml = r.get("html");
        byte[] html = rawHtml instanceof byte[] b ? b
                : rawHtml == null ? null : rawHtml.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        PageHtml.Decoded decoded = PageHtml.decode(html);
        if (decoded.problem() != null) {
            f.flag("html", decoded.problem());
        }
        Long status = f.take("status_code", LegacyNumbers.parseInteger(r.get("status_code")));
        if (status != null && (status < 0 || status > 999)) {
            f.flag("status_code", "not an HTTP status, NULL used");
            status = null;
        }
        String url = r.text("url");
        return new PageRow(r.id(), f.take("task_id", LegacyNumbers.parseInteger(r.get("task_id"))),
                url == null ? "" : url, status, r.text("title"), html, decoded.charset(), r.text("text"),
                f.take("fetched_at", LegacyTimestamps.parseRequired(r.get("fetched_at"))), f.flags());
    }

    public String checksum() {
        return checksum(legacyJobId, url, statusCode, title, html, charset, mainText, fetchedAt);
    }

    /** The checksum of a page from its parts; {@code mainText} a String or, read back from PostgreSQL, its {@link Utf8Text}. */
    public static String checksum(Long legacyJobId, String url, Long statusCode, String title, byte[] html, String charset,
                                  Object mainText, Instant fetchedAt) {
        return new RowDigest().add(legacyJobId).add(url).add(statusCode).add(title).add(html).add(charset)
                .add(mainText).add(fetchedAt).hex();
    }
}
