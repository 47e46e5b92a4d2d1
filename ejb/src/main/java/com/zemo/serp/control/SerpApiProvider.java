package com.zemo.serp.control;

import com.zemo.serp.batch.SerpHit;
import com.zemo.serp.batch.SerpQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SerpApi (serpapi.com) for Google and Yandex. Google gives the whole depth in one request ({@code num});
 * Yandex pages ({@code p}, about ten results each), so a Yandex search of depth N costs about N/10 credits.
 */
@ApplicationScoped
public class SerpApiProvider implements SerpProvider {
    public static final String NAME = "serpapi";

    @Inject
    SerpApiClient client;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Fetched fetch(SerpQuery q, String apiKey, ProviderCall call) {
        if (SerpQuery.YANDEX.equals(q.engine())) {
            if (q.region() != null && !q.region().matches("\\d+")) {
                call.log("region '" + q.region() + "' is not a Yandex region id (lr, e.g. 213 for Moscow); searching without it");
            }
            List<SerpHit> all = new ArrayList<>();
            int credits = 0;
            int maxPages = (q.depth() + 9) / 10 + 2; // a few spare pages for short ones
            for (int page = 0; page < maxPages && all.size() < q.depth(); page++) {
                SerpApiPage p = client.search(yandexParams(q, page), apiKey, call);
                credits++;
                all.addAll(p.hits());
                if (p.hits().isEmpty() || !p.hasNext()) {
                    break;
                }
            }
            return new Fetched(renumber(all, q.depth()), credits);
        }
        SerpApiPage p = client.search(googleParams(q), apiKey, call);
        return new Fetched(renumber(p.hits(), q.depth()), 1);
    }

    /** {@code q}, {@code num}, {@code hl}; a two-letter region is a country ({@code gl}), anything else a {@code location}. */
    static Map<String, String> googleParams(SerpQuery q) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("engine", "google");
        p.put("q", q.query());
        p.put("num", Integer.toString(q.depth()));
        if (q.region() != null) {
            if (q.region().matches("[A-Za-z]{2}")) {
                p.put("gl", q.region().toLowerCase(java.util.Locale.ROOT));
            } else {
                p.put("location", q.region());
            }
        }
        if (q.language() != null) {
            p.put("hl", q.language());
        }
        return p;
    }

    /** {@code text}, {@code lang}, {@code lr} when the region is a numeric Yandex region id, and the page {@code p} from 0. */
    static Map<String, String> yandexParams(SerpQuery q, int page) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("engine", "yandex");
        p.put("text", q.query());
        if (q.region() != null && q.region().matches("\\d+")) {
            p.put("lr", q.region());
        }
        if (q.language() != null) {
            p.put("lang", q.language());
        }
        if (page > 0) {
            p.put("p", Integer.toString(page));
        }
        return p;
    }

    /** Positions 1..n in the provider's order, without repeating an address, at most {@code depth}. */
    static List<SerpHit> renumber(List<SerpHit> hits, int depth) {
        List<SerpHit> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (SerpHit h : hits) {
            if (out.size() >= depth) {
                break;
            }
            if (seen.add(h.url())) {
                out.add(new SerpHit(out.size() + 1, h.url(), h.title(), h.snippet()));
            }
        }
        return out;
    }
}
