package com.zemo.serp.control;

import com.zemo.serp.batch.SerpHit;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SerpApiParserTest {

    static final String GOOGLE = """
            {"search_metadata":{"id":"abc","status":"Success"},
             "search_parameters":{"engine":"google","q":"how to choose a laptop","num":"10"},
             "search_information":{"total_results":1230000000},
             "ads":[{"position":1,"link":"https://ads.example/x","title":"Ad"}],
             "organic_results":[
               {"position":1,"title":"How to Choose a Laptop in 2025","link":"https://a.example/laptop","displayed_link":"a.example","snippet":"CPU, RAM, screen…"},
               {"position":2,"title":"Laptop buying guide","link":"https://b.example/guide","snippet":"What matters"},
               {"position":3,"title":"A widget without a link"},
               {"position":4,"title":"No snippet here","link":"https://c.example/"}
             ],
             "serpapi_pagination":{"current":1,"next":"https://serpapi.com/search.json?start=10"}}
            """;

    static final String YANDEX = """
            {"search_metadata":{"status":"Success"},
             "search_parameters":{"engine":"yandex","text":"как выбрать пластиковые окна","lr":"213"},
             "organic_results":[
               {"position":1,"title":"Как выбрать пластиковые окна: советы","link":"https://okna.example/kak-vybrat","snippet":"Профиль, стеклопакет, фурнитура"},
               {"position":2,"title":"Пластиковые окна — что важно","link":"https://remont.example/okna","snippet":"Монтаж"}
             ]}
            """;

    @Test
    void googleShape() {
        SerpApiPage page = SerpApiParser.parse(200, GOOGLE, null);
        assertThat(page.hits()).extracting(SerpHit::url)
                .containsExactly("https://a.example/laptop", "https://b.example/guide", "https://c.example/");
        assertThat(page.hits().get(0)).isEqualTo(new SerpHit(1, "https://a.example/laptop", "How to Choose a Laptop in 2025", "CPU, RAM, screen…"));
        assertThat(page.hits().get(2).snippet()).isNull();
        assertThat(page.hits().get(2).position()).isEqualTo(4);
        assertThat(page.hasNext()).isTrue();
    }

    @Test
    void yandexShape() {
        SerpApiPage page = SerpApiParser.parse(200, YANDEX, null);
        assertThat(page.hits()).hasSize(2);
        assertThat(page.hits().get(0).title()).isEqualTo("Как выбрать пластиковые окна: советы");
        assertThat(page.hits().get(1).snippet()).isEqualTo("Монтаж");
        assertThat(page.hasNext()).isFalse();
    }

    @Test
    void noOrganicResultsIsAnEmptyPage() {
        assertThat(SerpApiParser.parse(200, "{\"search_metadata\":{}}", null).hits()).isEmpty();
        assertThat(SerpApiParser.parse(200, "{\"error\":\"Google hasn't returned any results for this query.\"}", null).hits()).isEmpty();
    }

    @Test
    void positionMissingFollowsTheOrder() {
        SerpApiPage page = SerpApiParser.parse(200, "{\"organic_results\":[{\"link\":\"https://x/\"},{\"link\":\"https://y/\"}]}", null);
        assertThat(page.hits()).extracting(SerpHit::position).containsExactly(1, 2);
    }

    @Test
    void badKeyIsAnAuthFailure() {
        assertThatThrownBy(() -> SerpApiParser.parse(401, "{\"error\":\"Invalid API key. Your API key should be here: https://serpapi.com/manage-api-key\"}", null))
                .isInstanceOf(SerpApiException.Auth.class)
                .hasMessageContaining("HTTP 401").hasMessageContaining("Invalid API key");
        assertThatThrownBy(() -> SerpApiParser.parse(403, "forbidden", null)).isInstanceOf(SerpApiException.Auth.class);
    }

    @Test
    void rateLimitIsTransientWithRetryAfter() {
        assertThatThrownBy(() -> SerpApiParser.parse(429, "{\"error\":\"Your account has run out of searches.\"}", "3"))
                .isInstanceOfSatisfying(SerpApiException.Transient.class, e -> {
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
                    assertThat(e.getMessage()).contains("429").contains("run out of searches");
                });
    }

    @Test
    void serverErrorIsTransient() {
        assertThatThrownBy(() -> SerpApiParser.parse(503, "<html>Service Unavailable</html>", null))
                .isInstanceOfSatisfying(SerpApiException.Transient.class, e -> {
                    assertThat(e.retryAfter()).isEmpty();
                    assertThat(e.getMessage()).contains("503").contains("Service Unavailable");
                });
    }

    @Test
    void otherClientErrorsAreFinal() {
        assertThatThrownBy(() -> SerpApiParser.parse(400, "{\"error\":\"Missing query `q` parameter.\"}", null))
                .isExactlyInstanceOf(SerpApiException.class).hasMessageContaining("Missing query");
        assertThatThrownBy(() -> SerpApiParser.parse(200, "{\"error\":\"Unsupported `xx` location.\"}", null))
                .isExactlyInstanceOf(SerpApiException.class).hasMessageContaining("Unsupported");
    }

    @Test
    void malformedJson() {
        assertThatThrownBy(() -> SerpApiParser.parse(200, "{\"organic_results\": [ {\"link\": ", null))
                .isExactlyInstanceOf(SerpApiException.class).hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> SerpApiParser.parse(200, "[1,2]", null)).hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> SerpApiParser.parse(200, "{\"organic_results\": 7}", null)).hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> SerpApiParser.parse(200, "", null)).hasMessageContaining("empty body");
    }

    @Test
    void retryAfterAsSecondsOrDate() {
        assertThat(SerpApiParser.retryAfter("7")).isEqualTo(Duration.ofSeconds(7));
        assertThat(SerpApiParser.retryAfter(null)).isNull();
        assertThat(SerpApiParser.retryAfter("soon")).isNull();
        String in5 = ZonedDateTime.now().plusSeconds(5).format(DateTimeFormatter.RFC_1123_DATE_TIME);
        assertThat(SerpApiParser.retryAfter(in5)).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(6));
    }

    @Test
    void errorTextIsClipped() {
        String longBody = "x".repeat(2000);
        assertThat(SerpApiParser.errorText(longBody)).hasSizeLessThan(310);
    }
}
