package com.zemo.serp.batch;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SerpQueryTest {

    @Test
    void sameQueryDifferentlyWrittenSharesTheCacheKey() {
        SerpQuery a = new SerpQuery("yandex", "  Купить   ЁЛКУ ", "213", "RU", 10);
        SerpQuery b = new SerpQuery("yandex", "купить елку", "213", "ru", 10);
        assertThat(a.normalizedQuery()).isEqualTo("купить елку");
        assertThat(a.cacheKey()).isEqualTo(b.cacheKey());
        assertThat(a.cacheKey()).isNotEqualTo(new SerpQuery("yandex", "купить елку", "213", "ru", 20).cacheKey());
        assertThat(a.cacheKey()).isNotEqualTo(new SerpQuery("google", "купить елку", "213", "ru", 10).cacheKey());
    }

    @Test
    void blankRegionAndLanguageAreAbsent() {
        SerpQuery q = new SerpQuery("google", "q", " ", "", 10);
        assertThat(q.region()).isNull();
        assertThat(q.language()).isNull();
    }

    @Test
    void resultJson() {
        String json = SerpBatchlet.resultJson(new SerpQuery("google", "how to \"choose\"", null, "en", 10),
                new SerpAnswer(List.of(new SerpHit(1, "https://a/", "A", "s")), true, 0, "serpapi"));
        assertThat(json).isEqualTo("{\"engine\":\"google\",\"query\":\"how to \\\"choose\\\"\",\"region\":null,\"language\":\"en\","
                + "\"depth\":10,\"results\":1,\"cached\":true,\"credits\":0,\"provider\":\"serpapi\"}");
    }
}
