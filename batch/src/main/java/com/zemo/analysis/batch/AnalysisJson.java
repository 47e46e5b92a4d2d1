package com.zemo.analysis.batch;

import com.zemo.analysis.engine.AnalysisReport;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The engine's records as stored JSON (JSON-B maps records component by component). */
public final class AnalysisJson {
    private static final Jsonb JSONB = JsonbBuilder.create();

    private AnalysisJson() {
    }

    public static String toJson(Object o) {
        return JSONB.toJson(o);
    }

    public static <T> T fromJson(String json, Class<T> type) {
        return JSONB.fromJson(json, type);
    }

    static String report(AnalysisReport report, long scrapeJobId, Set<String> include, Set<String> exclude) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("scrapeJobId", scrapeJobId);
        data.put("include", include);
        data.put("exclude", exclude);
        data.put("pages", report.pages());
        data.put("competitors", report.competitors());
        return JSONB.toJson(data);
    }
}
