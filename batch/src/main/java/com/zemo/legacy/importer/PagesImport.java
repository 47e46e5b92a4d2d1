package com.zemo.legacy.importer;

import com.zemo.legacy.mapping.Flag;
import com.zemo.legacy.mapping.Gzip;
import com.zemo.legacy.mapping.MappingRules;
import com.zemo.legacy.mapping.PageRow;
import com.zemo.legacy.mapping.QuarantineException;
import com.zemo.legacy.source.LegacyTable;
import com.zemo.legacy.source.SourceRow;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * pages → pages: the HTML bytes as fetched, gzip-compressed, beside their charset. Compression happens in
 * {@link #convert}, which the importer runs ahead of the writes, so it overlaps with PostgreSQL's work.
 */
final class PagesImport extends SinkTableImport<PagesImport.CompressedPage> {

    /** A converted page with its HTML already gzip-compressed. */
    record CompressedPage(PageRow row, byte[] htmlGzip) {
    }

    PagesImport() {
        super(LegacyTable.PAGES, "pages", List.of("id", "job_id", "url", "status_code", "charset", "title", "main_text",
                "html_gzip", "legacy_id", "fetched_at", "legacy_job_id"), Set.of());
    }

    @Override
    CompressedPage convert(SourceRow row, MappingRules rules) throws QuarantineException {
        PageRow p = PageRow.fromSource(row);
        return new CompressedPage(p, Gzip.compress(p.html()));
    }

    @Override
    String checksum(CompressedPage page) {
        return page.row().checksum();
    }

    @Override
    List<Flag> flags(CompressedPage page) {
        return page.row().flags();
    }

    @Override
    long legacyId(CompressedPage page) {
        return page.row().legacyId();
    }

    @Override
    Object[] values(CompressedPage page, long id, ChunkTx tx) throws SQLException {
        PageRow r = page.row();
        return new Object[]{id, jobRef(tx, r.legacyJobId(), "task_id"), r.url(), r.statusCode(), r.charset(), r.title(),
                r.mainText(), page.htmlGzip(), r.legacyId(), r.fetchedAt(), r.legacyJobId()};
    }
}
