package com.zemo.serp.control;

import com.zemo.serp.batch.SerpHit;
import com.zemo.serp.batch.SerpQuery;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SerpApiProviderTest {

    @Test
    void googleParameters() {
        assertThat(SerpApiProvider.googleParams(new SerpQuery("google", "how to choose a laptop", "us", "en", 20)))
                .containsExactly(Map.entry("engine", "google"), Map.entry("q", "how to choose a laptop"), Map.entry("num", "20"),
                        Map.entry("gl", "us"), Map.entry("hl", "en"));
        assertThat(SerpApiProvider.googleParams(new SerpQuery("google", "окна", "Moscow, Russia", null, 10)))
                .containsEntry("location", "Moscow, Russia").doesNotContainKeys("gl", "hl");
    }

    @Test
    void yandexParameters() {
        SerpQuery q = new SerpQuery("yandex", "как выбрать пластиковые окна", "213", "ru", 30);
        assertThat(SerpApiProvider.yandexParams(q, 0)).containsExactly(Map.entry("engine", "yandex"),
                Map.entry("text", "как выбрать пластиковые окна"), Map.entry("lr", "213"), Map.entry("lang", "ru"));
        assertThat(SerpApiProvider.yandexParams(q, 2)).containsEntry("p", "2");
        assertThat(SerpApiProvider.yandexParams(new SerpQuery("yandex", "x", "Москва", null, 10), 0)).doesNotContainKey("lr");
    }

    @Test
    void renumberDropsRepeatsAndCutsAtDepth() {
        List<SerpHit> hits = List.of(new SerpHit(1, "https://a/", "A", null), new SerpHit(2, "https://b/", "B", null),
                new SerpHit(1, "https://a/", "A again", null), new SerpHit(3, "https://c/", "C", null));
        assertThat(SerpApiProvider.renumber(hits, 2)).extracting(SerpHit::position, SerpHit::url)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "https://a/"), org.assertj.core.groups.Tuple.tuple(2, "https://b/"));
        assertThat(SerpApiProvider.renumber(hits, 10)).extracting(SerpHit::url).containsExactly("https://a/", "https://b/", "https://c/");
    }

    @Test
    void uriEncodesEverythingAndTheKeyGoesLast() {
        URI uri = SerpApiClient.uri("https://serpapi.com", SerpApiProvider.googleParams(new SerpQuery("google", "окна & двери", null, null, 10)), "k y");
        assertThat(uri.toString()).startsWith("https://serpapi.com/search.json?engine=google&q=")
                .contains("%D0%BE%D0%BA%D0%BD%D0%B0+%26+").endsWith("&api_key=k+y");
    }

    @Test
    void backoffGrowsWithJitterAndStaysBounded() {
        for (int i = 0; i < 50; i++) {
            assertThat(ProviderCall.backoffMillis(1)).isBetween(250L, 500L);
            assertThat(ProviderCall.backoffMillis(3)).isBetween(1000L, 2000L);
            assertThat(ProviderCall.backoffMillis(30)).isBetween(4000L, 8000L);
        }
    }

    @Test
    void cacheEncodingRoundTrips() {
        List<SerpHit> hits = List.of(new SerpHit(1, "https://a/\"q\"", "Окна «ПВХ»", null), new SerpHit(2, "https://b/", null, "s\nt"));
        assertThat(SerpCache.decode(SerpCache.encode(hits))).isEqualTo(hits);
    }
}
