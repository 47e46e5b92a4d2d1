package com.zemo.legacy.importer;

import com.zemo.legacy.mapping.Flag;
import com.zemo.legacy.mapping.Gzip;
import com.zemo.legacy.mapping.MappingRules;
import com.zemo.legacy.mapping.QuarantineException;
import com.zemo.legacy.mapping.PageRow;
import com.zemo.legacy.source.LegacyTable;
import com.zemo.legacy.source.SourceRow;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** pages → pages, batched; the HTML bytes as fetched, gzip-compressed, beside their charset. */
final class PagesImport extends TableImport<PageRow> {
    private final BatchStatement upsert = new BatchStatement("INSERT INTO pages (id, job_id, url, status_code, charset, title, main_text, html_gzip, legacy_id, fetched_at, legacy_job_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET job_id = EXCLUDED.job_id, url = EXCLUDED.url, status_code = EXCLUDED.status_code, charset = EXCLUDED.charset, title = EXCLUDED.title, main_text = EXCLUDED.main_text, html_gzip = EXCLUDED.html_gzip, legacy_id = EXCLUDED.legacy_id, fetched_at = EXCLUDED.fetched_at, legacy_job_id = EXCLUDED.legacy_job_id");

    PagesImport() {
        super(LegacyTable.PAGES);
    }

    @Override
    PageRow convert(SourceRow row, MappingRules rules) throws QuarantineException {
        return PageRow.fromSource(row);
    }

    @Override
    String checksum(PageRow row) {
        return row.checksum();
    }

    @Override
    List<Flag> flags(PageRow row) {
        return row.flags();
    }

    @Override
    void beginChunk(ChunkTx tx, int newRows) throws SQLException {
        tx.reserveIds("pages", newRows);
    }

    @Override
    IdMapEntry write(PageRow r, String checksum, IdMapEntry previous, ChunkTx tx) throws SQLException {
        long id = previous != null && previous.newId() != null ? previous.newId() : tx.nextId();
        PreparedStatement ps = upsert.next(tx.connection);
        ps.setLong(1, id);
        Jdbc.setLong(ps, 2, jobRef(tx, r.legacyJobId(), "task_id"));
        ps.setString(3, r.url());
        Jdbc.setLong(ps, 4, r.statusCode());
        ps.setString(5, r.charset());
        ps.setString(6, r.title());
        ps.setString(7, r.mainText());
        ps.setBytes(8, Gzip.compress(r.html()));
        ps.setLong(9, r.legacyId());
        Jdbc.setInstant(ps, 10, r.fetchedAt());
        Jdbc.setLong(ps, 11, r.legacyJobId());
        upsert.add();
        return new IdMapEntry(r.legacyId(), id, checksum, IdMapEntry.IMPORTED);
    }

    @Override
    void endChunk(ChunkTx tx) throws SQLException {
        upsert.execute();
    }

    @Override
    void discard() {
        upsert.discard();
    }
}
