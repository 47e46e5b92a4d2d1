package com.zemo.analysis.batch;

import com.zemo.analysis.engine.metrics.Heading;
import com.zemo.analysis.engine.metrics.PageContent;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The pages a scrape job stored, as the analysis engine reads them: nothing is fetched again, so an analysis can
 * be re-run with other exclusions at no cost. Pages that failed to fetch or have no text are left out.
 */
public final class StoredPages {
    private StoredPages() {
    }

    public static List<PageContent> of(Connection c, long scrapeJobId) throws SQLException {
        List<PageContent> pages = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COALESCE(final_url, url), title, meta_description, outline::text, main_text FROM pages "
                        + "WHERE job_id = ? AND error IS NULL AND main_text IS NOT NULL AND length(main_text) > 0 ORDER BY position NULLS LAST, id")) {
            ps.setLong(1, scrapeJobId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    pages.add(new PageContent(rs.getString(1), rs.getString(2), rs.getString(3), headings(rs.getString(4)),
                            paragraphs(rs.getString(5))));
                }
            }
        }
        return pages;
    }

    /** Main text is stored with one block per line (blank lines between blocks are tolerated). */
    static List<String> paragraphs(String mainText) {
        if (mainText == null) {
            return List.of();
        }
        return Arrays.stream(mainText.split("\\R+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The outline as stored: [{"level": 2, "text": "…"}] (also accepts "tag": "h2"). */
    static List<Heading> headings(String outlineJson) {
        if (outlineJson == null || outlineJson.isBlank()) {
            return List.of();
        }
        JsonValue v = Json.createReader(new StringReader(outlineJson)).readValue();
        if (!(v instanceof JsonArray array)) {
            return List.of();
        }
        List<Heading> headings = new ArrayList<>();
        for (JsonValue item : array) {
            if (item instanceof JsonObject o) {
                int level = level(o);
                String text = o.get("text") instanceof JsonString s ? s.getString() : "";
                if (level >= 1 && level <= 6 && !text.isBlank()) {
                    headings.add(new Heading(level, text.strip()));
                }
            }
        }
        return headings;
    }

    private static int level(JsonObject o) {
        if (o.get("level") instanceof JsonNumber n) {
            return n.intValue();
        }
        JsonValue tag = o.containsKey("tag") ? o.get("tag") : o.get("h");
        if (tag instanceof JsonString s && s.getString().length() == 2 && Character.toLowerCase(s.getString().charAt(0)) == 'h') {
            return Character.digit(s.getString().charAt(1), 10);
        }
        return 0;
    }
}
