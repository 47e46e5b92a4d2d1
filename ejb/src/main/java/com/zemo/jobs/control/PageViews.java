package com.zemo.jobs.control;

import com.zemo.scrape.entity.Page;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** A stored page as JSON: a summary for lists, the whole (text and outline, never the raw HTML) for one page. */
public final class PageViews {
    private PageViews() {
    }

    public static JsonObject summary(Page p) {
        return base(p).build();
    }

    public static JsonObject full(Page p) {
        return base(p)
                .add("metaDescription", JobResults.nz(p.getMetaDescription()))
                .add("outline", JobResults.parse(p.getOutline()))
                .add("images", JobResults.parse(p.getImages()))
                .add("mainText", JobResults.nz(p.getMainText()))
                .build();
    }

    private static JsonObjectBuilder base(Page p) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("id", p.getId())
                .add("url", JobResults.nz(p.getUrl()))
                .add("finalUrl", JobResults.nz(p.getFinalUrl()))
                .add("title", JobResults.nz(p.getTitle()));
        if (p.getStatusCode() != null) {
            b.add("status", p.getStatusCode());
        }
        if (p.getWordCount() != null) {
            b.add("words", p.getWordCount());
        }
        if (p.getCharCount() != null) {
            b.add("characters", p.getCharCount());
        }
        if (p.getLinksInternal() != null) {
            b.add("linksInternal", p.getLinksInternal());
        }
        if (p.getLinksExternal() != null) {
            b.add("linksExternal", p.getLinksExternal());
        }
        if (p.getError() != null) {
            b.add("error", p.getError());
        }
        return b;
    }
}
