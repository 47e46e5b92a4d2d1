package com.zemo.launcher.sandbox;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /search.json} shaped like SerpApi's: Google ({@code q}, {@code num}) and Yandex ({@code text},
 * {@code p}, ten a page). A Cyrillic query gets the Russian sample pages, any other the English ones, ranked by
 * how many of the query's words (by their first five letters, a poor man's stem) their title and description hold.
 * A missing key or the key {@code invalid} gets SerpApi's 401.
 */
final class SandboxSerp {
    private static final int YANDEX_PAGE = 10;

    private final List<SandboxPage> pages;
    private final Supplier<String> base;

    SandboxSerp(List<SandboxPage> pages, Supplier<String> base) {
        this.pages = pages;
        this.base = base;
    }

    /**
     * {@code GET /account.json} shaped like SerpApi's account API (which costs no search credit): the plan and
     * the searches left for a good key, SerpApi's 401 for a missing or rejected one. Used by "Test the key".
     */
    void account(HttpExchange ex) throws IOException {
        String key = params(ex.getRequestURI().getRawQuery()).get("api_key");
        if (key == null || key.isBlank() || key.equals(SandboxServer.REJECTED_KEY)) {
            SandboxServer.send(ex, 401, "application/json; charset=utf-8",
                    "{\"error\":\"Invalid API key. Your API key should be here: https://serpapi.com/manage-api-key\"}");
            return;
        }
        SandboxServer.send(ex, 200, "application/json; charset=utf-8",
                "{\"account_id\":\"sandbox\",\"api_key\":" + MiniJson.quote(key) + ",\"account_email\":\"sandbox@zemo.invalid\","
                        + "\"plan_id\":\"sandbox\",\"plan_name\":\"Sandbox\",\"searches_per_month\":1000,\"this_month_usage\":0,"
                        + "\"plan_searches_left\":1000,\"extra_credits\":0,\"total_searches_left\":1000,\"this_hour_searches\":0,"
                        + "\"last_hour_searches\":0,\"account_rate_limit_per_hour\":1000}");
    }

    void handle(HttpExchange ex) throws IOException {
        Map<String, String> q = params(ex.getRequestURI().getRawQuery());
        String key = q.get("api_key");
        if (key == null || key.isBlank() || key.equals(SandboxServer.REJECTED_KEY)) {
            SandboxServer.send(ex, 401, "application/json; charset=utf-8",
                    "{\"error\":\"Invalid API key. Your API key should be here: https://serpapi.com/manage-api-key\"}");
            return;
        }
        String engine = q.getOrDefault("engine", "google");
        boolean yandex = engine.equals("yandex");
        String text = yandex ? q.get("text") : q.get("q");
        if (text == null || text.isBlank()) {
            SandboxServer.send(ex, 400, "application/json; charset=utf-8",
                    "{\"error\":\"Missing query `" + (yandex ? "text" : "q") + "` parameter.\"}");
            return;
        }
        List<SandboxPage> ranked = rank(text);
        int from;
        int to;
        if (yandex) {
            int page = Integer.parseInt(q.getOrDefault("p", "0"));
            from = Math.min(ranked.size(), page * YANDEX_PAGE);
            to = Math.min(ranked.size(), from + YANDEX_PAGE);
        } else {
            from = 0;
            to = Math.min(ranked.size(), Integer.parseInt(q.getOrDefault("num", "10")));
        }
        StringBuilder sb = new StringBuilder("{\"search_metadata\":{\"id\":\"sandbox\",\"status\":\"Success\",\"json_endpoint\":"
                + MiniJson.quote(base.get() + "/search.json") + "},\"search_parameters\":{\"engine\":" + MiniJson.quote(engine)
                + ",\"" + (yandex ? "text" : "q") + "\":" + MiniJson.quote(text) + "},");
        if (from >= to) {
            sb.append("\"error\":").append(MiniJson.quote((yandex ? "Yandex" : "Google") + " hasn't returned any results for this query.")).append('}');
            SandboxServer.send(ex, 200, "application/json; charset=utf-8", sb.toString());
            return;
        }
        sb.append("\"search_information\":{\"total_results\":").append(ranked.size()).append("},\"organic_results\":[");
        for (int i = from; i < to; i++) {
            SandboxPage p = ranked.get(i);
            if (i > from) {
                sb.append(',');
            }
            sb.append("{\"position\":").append(i - from + 1)
                    .append(",\"title\":").append(MiniJson.quote(p.title()))
                    .append(",\"link\":").append(MiniJson.quote(base.get() + "/pages/" + p.name()))
                    .append(",\"displayed_link\":").append(MiniJson.quote("127.0.0.1 › pages › " + p.name()))
                    .append(",\"snippet\":").append(MiniJson.quote(p.description())).append('}');
        }
        sb.append(']');
        if (yandex && to < ranked.size()) {
            sb.append(",\"serpapi_pagination\":{\"current\":").append(from / YANDEX_PAGE + 1).append(",\"next\":")
                    .append(MiniJson.quote(base.get() + "/search.json?engine=yandex&p=" + (from / YANDEX_PAGE + 1))).append('}');
        }
        SandboxServer.send(ex, 200, "application/json; charset=utf-8", sb.append('}').toString());
    }

    /** The pages in the query's language (all pages if none), best match first, ties in bundle order. */
    List<SandboxPage> rank(String query) {
        String language = query.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC) ? "ru" : "en";
        List<SandboxPage> same = new ArrayList<>(pages.stream().filter(p -> p.language().equals(language)).toList());
        if (same.isEmpty()) {
            same = new ArrayList<>(pages);
        }
        List<String> stems = new ArrayList<>();
        for (String w : query.toLowerCase(Locale.ROOT).replace('ё', 'е').split("[^\\p{L}\\p{N}]+")) {
            if (w.length() >= 3) {
                stems.add(w.length() > 5 ? w.substring(0, 5) : w);
            }
        }
        Map<SandboxPage, Integer> order = new LinkedHashMap<>();
        same.forEach(p -> order.put(p, order.size()));
        same.sort(Comparator.comparingInt((SandboxPage p) -> -score(p, stems)).thenComparingInt(order::get));
        return same;
    }

    private static int score(SandboxPage p, List<String> stems) {
        String text = p.searchableText();
        int s = 0;
        for (String stem : stems) {
            if (text.contains(stem)) {
                s++;
            }
        }
        return s;
    }

    static Map<String, String> params(String rawQuery) {
        Map<String, String> m = new LinkedHashMap<>();
        if (rawQuery == null) {
            return m;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            m.put(k, v);
        }
        return m;
    }
}
