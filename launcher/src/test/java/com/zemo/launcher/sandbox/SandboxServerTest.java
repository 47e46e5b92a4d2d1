package com.zemo.launcher.sandbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxServerTest {
    static SandboxServer sandbox;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        sandbox = SandboxServer.start(0);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String auth, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void bundlesADozenPagesInBothLanguagesOneInWindows1251() {
        List<SandboxPage> pages = sandbox.pages();
        assertThat(pages).hasSizeGreaterThanOrEqualTo(12);
        assertThat(pages).filteredOn(p -> p.language().equals("ru")).hasSizeGreaterThanOrEqualTo(6);
        assertThat(pages).filteredOn(p -> p.language().equals("en")).hasSizeGreaterThanOrEqualTo(6);
        assertThat(pages).anyMatch(p -> p.charset().name().equals("windows-1251"));
        assertThat(pages).allSatisfy(p -> {
            assertThat(p.title()).isNotBlank();
            assertThat(p.description()).isNotBlank();
            String html = new String(p.bytes(), p.charset());
            assertThat(html).contains("<h1>").contains("<h2>").containsAnyOf("<footer", "<div id=\"footer\"", "<div class=\"footer\"");
        });
    }

    @Test
    void googleSearchGivesThePagesOfTheQuerysLanguage() throws Exception {
        HttpResponse<String> r = get("/search.json?engine=google&q=" + enc("how to choose a laptop") + "&num=10&api_key=sandbox");
        assertThat(r.statusCode()).isEqualTo(200);
        Map<?, ?> json = (Map<?, ?>) MiniJson.parse(r.body());
        List<?> organic = (List<?>) json.get("organic_results");
        assertThat(organic).hasSize(6);
        Map<?, ?> first = (Map<?, ?>) organic.get(0);
        assertThat(first.get("position")).isEqualTo(1.0);
        assertThat((String) first.get("link")).startsWith(sandbox.baseUrl() + "/pages/en-");
        assertThat((String) first.get("title")).containsIgnoringCase("laptop");
        assertThat(first.get("snippet")).isNotNull();
        HttpResponse<String> limited = get("/search.json?engine=google&q=laptop&num=3&api_key=sandbox");
        assertThat((List<?>) ((Map<?, ?>) MiniJson.parse(limited.body())).get("organic_results")).hasSize(3);
    }

    @Test
    void yandexSearchInRussian() throws Exception {
        HttpResponse<String> r = get("/search.json?engine=yandex&text=" + enc("как выбрать пластиковые окна") + "&lr=213&lang=ru&api_key=sandbox");
        assertThat(r.statusCode()).isEqualTo(200);
        List<?> organic = (List<?>) ((Map<?, ?>) MiniJson.parse(r.body())).get("organic_results");
        assertThat(organic).hasSize(6);
        assertThat(organic).allSatisfy(o -> assertThat((String) ((Map<?, ?>) o).get("link")).contains("/pages/ru-"));
        assertThat((String) ((Map<?, ?>) organic.get(0)).get("title")).contains("выбрать");
        HttpResponse<String> page2 = get("/search.json?engine=yandex&text=" + enc("окна") + "&p=1&api_key=sandbox");
        assertThat(page2.body()).contains("hasn't returned any results").doesNotContain("organic_results");
    }

    @Test
    void badKeyAndMissingQueryAreRefusedLikeSerpApi() throws Exception {
        assertThat(get("/search.json?engine=google&q=x&api_key=invalid").statusCode()).isEqualTo(401);
        HttpResponse<String> noKey = get("/search.json?engine=google&q=x");
        assertThat(noKey.statusCode()).isEqualTo(401);
        assertThat(noKey.body()).contains("\"error\"").contains("Invalid API key");
        assertThat(get("/search.json?engine=google&api_key=sandbox").statusCode()).isEqualTo(400);
    }

    @Test
    void pagesAreServedAsTheyAreWithoutACharsetInTheHeader() throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/pages/ru-okna-profil.html")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).contains("text/html");
        String html = new String(r.body(), Charset.forName("windows-1251"));
        assertThat(html).contains("charset=windows-1251").contains("Какой профиль выбрать");
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).doesNotContain("Какой профиль выбрать");
        assertThat(get("/pages/nope.html").statusCode()).isEqualTo(404);
        assertThat(get("/").body()).contains("ru-okna-gid.html");
    }

    @Test
    void chatCompletionsWritesALabelledDeterministicArticleWithUsage() throws Exception {
        String body = "{\"model\":\"sandbox-1\",\"temperature\":0.7,\"messages\":[{\"role\":\"system\",\"content\":\"You are an SEO copywriter.\"},"
                + "{\"role\":\"user\",\"content\":\"Write an article.\\nKeyword: how to choose a laptop\\nTerms: battery life, SSD, display, RAM\\n"
                + "Headings: Processor; Memory and storage; Screen\\nLength: 600 words\"}]}";
        HttpResponse<String> r = post("/v1/chat/completions", "Bearer sandbox", body);
        assertThat(r.statusCode()).isEqualTo(200);
        Map<?, ?> json = (Map<?, ?>) MiniJson.parse(r.body());
        assertThat(json.get("object")).isEqualTo("chat.completion");
        assertThat(json.get("model")).isEqualTo("sandbox-1");
        Map<?, ?> choice = (Map<?, ?>) ((List<?>) json.get("choices")).get(0);
        assertThat(choice.get("finish_reason")).isEqualTo("stop");
        String content = (String) ((Map<?, ?>) choice.get("message")).get("content");
        assertThat(content).startsWith("[SANDBOX OUTPUT]").contains("# How to choose a laptop").contains("## Processor")
                .contains("## Memory and storage").contains("battery life").contains("SSD");
        assertThat(content.split("\\s+").length).isBetween(550, 800);
        Map<?, ?> usage = (Map<?, ?>) json.get("usage");
        double prompt = (Double) usage.get("prompt_tokens");
        double completion = (Double) usage.get("completion_tokens");
        assertThat(prompt).isPositive();
        assertThat(completion).isGreaterThan(prompt);
        assertThat((Double) usage.get("total_tokens")).isEqualTo(prompt + completion);
        // deterministic: the same prompt, the same text
        assertThat(post("/v1/chat/completions", "Bearer sandbox", body).body()).isEqualTo(r.body());
    }

    @Test
    void russianPromptGivesARussianArticle() throws Exception {
        String body = "{\"model\":\"sandbox-1\",\"messages\":[{\"role\":\"user\",\"content\":\"Напиши статью на 400 слов.\\n"
                + "Ключевое слово: как выбрать пластиковые окна\\nТермины: профиль, стеклопакет, фурнитура, монтаж\"}]}";
        HttpResponse<String> r = post("/v1/chat/completions", "Bearer anything", body);
        String content = (String) ((Map<?, ?>) ((Map<?, ?>) ((List<?>) ((Map<?, ?>) MiniJson.parse(r.body())).get("choices")).get(0)).get("message")).get("content");
        assertThat(content).startsWith("[SANDBOX OUTPUT]").contains("# Как выбрать пластиковые окна").contains("стеклопакет").contains("## Итог");
    }

    @Test
    void chatCompletionsErrorsLookLikeOpenAis() throws Exception {
        HttpResponse<String> noKey = post("/v1/chat/completions", null, "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
        assertThat(noKey.statusCode()).isEqualTo(401);
        assertThat(noKey.body()).contains("invalid_api_key");
        assertThat(post("/v1/chat/completions", "Bearer invalid", "{\"messages\":[]}").statusCode()).isEqualTo(401);
        assertThat(post("/v1/chat/completions", "Bearer sandbox", "{not json").statusCode()).isEqualTo(400);
        assertThat(post("/v1/chat/completions", "Bearer sandbox", "{\"model\":\"m\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void keyChecksAnswerLikeTheProviders() throws Exception {
        HttpResponse<String> models = http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/v1/models"))
                .header("Authorization", "Bearer sandbox").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(models.statusCode()).isEqualTo(200);
        assertThat(models.body()).contains("sandbox-1");
        assertThat(get("/v1/models").statusCode()).isEqualTo(401);
        HttpResponse<String> rejected = http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/v1/models"))
                .header("Authorization", "Bearer invalid").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(rejected.statusCode()).isEqualTo(401);
        assertThat(rejected.body()).contains("Incorrect API key");

        HttpResponse<String> account = get("/account.json?api_key=sandbox");
        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(account.body()).contains("\"plan_name\":\"Sandbox\"").contains("\"total_searches_left\":1000");
        assertThat(get("/account.json?api_key=invalid").statusCode()).isEqualTo(401);
        assertThat(get("/account.json").body()).contains("Invalid API key");
    }

    @Test
    void nodeEnvPointsANodeAtTheSandbox() {
        assertThat(sandbox.nodeEnv()).containsEntry("ZEMO_SERPAPI_URL", sandbox.baseUrl())
                .containsEntry("ZEMO_SERPAPI_KEY", "sandbox")
                .containsEntry("ZEMO_LLM_URL", "http://127.0.0.1:" + sandbox.port() + "/v1")
                .containsEntry("ZEMO_LLM_KEY", "sandbox").containsEntry("ZEMO_LLM_MODEL", "sandbox-1")
                .containsEntry("ZEMO_SCRAPE_ALLOW_PRIVATE", "true");
    }

    @Test
    void miniJsonReadsWhatItWrites() {
        Object v = MiniJson.parse("{\"a\":[1,2.5,true,false,null],\"b\":" + MiniJson.quote("q\"\\\n\u0001ё") + ",\"c\":{}}");
        assertThat(((Map<?, ?>) v).get("b")).isEqualTo("q\"\\\n\u0001ё");
        assertThat(((Map<?, ?>) v).get("a")).isEqualTo(java.util.Arrays.asList(1.0, 2.5, true, false, null));
    }
}
