package com.zemo.launcher.sandbox;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenAI-compatible {@code POST /v1/chat/completions} (and {@code GET /v1/models}) that writes the same article
 * for the same prompt: it reads the keyword, the terms, the headings and the length out of the prompt (lines such as
 * {@code Keyword: ...}, {@code Terms: a, b}, {@code Headings: x; y}, {@code 1200 words}; Russian labels too) and
 * assembles Markdown from fixed sentence patterns. The text starts with {@link #LABEL} so nobody takes it for a
 * model's. {@code usage} counts about four characters a token.
 */
final class SandboxLlm {
    static final String LABEL = "[SANDBOX OUTPUT]";
    private static final Pattern KEYWORD = Pattern.compile(
            "(?imu)^[\\s*#-]*(?:keyword|key phrase|main keyword|query|topic|ключевое слово|ключевая фраза|ключ|запрос|тема)\\s*[:：]\\s*(.+)$");
    private static final Pattern TERMS = Pattern.compile(
            "(?imu)^[\\s*#-]*(?:terms|lsi|lsi terms|thematic terms|термины|lsi-слова|lsi-термины|слова)\\s*[:：]\\s*(.+)$");
    private static final Pattern HEADINGS = Pattern.compile(
            "(?imu)^[\\s*#-]*(?:headings|outline|subheadings|заголовки|структура|подзаголовки)\\s*[:：]\\s*(.+)$");
    private static final Pattern LENGTH = Pattern.compile("(?iu)(\\d{3,5})\\s*(?:words|слов)");
    private static final Pattern QUOTED = Pattern.compile("[«\"]([^»\"]{3,80})[»\"]");

    void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        if (path.equals("/v1/models") && ex.getRequestMethod().equals("GET")) {
            // like OpenAI's: the key is checked, so "Test the key" on the settings page can be tried offline
            if (!keyAccepted(ex)) {
                error(ex, 401, "Incorrect API key provided.", "invalid_request_error", "invalid_api_key");
                return;
            }
            SandboxServer.send(ex, 200, "application/json", "{\"object\":\"list\",\"data\":[{\"id\":\"" + SandboxServer.MODEL
                    + "\",\"object\":\"model\",\"owned_by\":\"zemo-sandbox\"}]}");
            return;
        }
        if (!path.equals("/v1/chat/completions") || !ex.getRequestMethod().equals("POST")) {
            error(ex, 404, "Unknown request URL: " + ex.getRequestMethod() + " " + path, "invalid_request_error", null);
            return;
        }
        if (!keyAccepted(ex)) {
            error(ex, 401, "Incorrect API key provided.", "invalid_request_error", "invalid_api_key");
            return;
        }
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<?, ?> request;
        List<?> messages;
        try {
            request = (Map<?, ?>) MiniJson.parse(body);
            messages = (List<?>) request.get("messages");
        } catch (RuntimeException e) {
            error(ex, 400, "We could not parse the JSON body of your request.", "invalid_request_error", null);
            return;
        }
        if (messages == null || messages.isEmpty()) {
            error(ex, 400, "'messages' is a required property", "invalid_request_error", null);
            return;
        }
        StringBuilder prompt = new StringBuilder();
        for (Object m : messages) {
            if (m instanceof Map<?, ?> msg && msg.get("content") instanceof String c) {
                prompt.append(c).append('\n');
            }
        }
        String model = request.get("model") instanceof String s ? s : SandboxServer.MODEL;
        String content = article(prompt.toString());
        int promptTokens = tokens(prompt.toString());
        int completionTokens = tokens(content);
        String json = "{\"id\":\"chatcmpl-sandbox-" + Integer.toHexString(prompt.toString().hashCode())
                + "\",\"object\":\"chat.completion\",\"created\":1767225600,\"model\":" + MiniJson.quote(model)
                + ",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":" + MiniJson.quote(content)
                + "},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":" + promptTokens + ",\"completion_tokens\":"
                + completionTokens + ",\"total_tokens\":" + (promptTokens + completionTokens) + "}}";
        SandboxServer.send(ex, 200, "application/json", json);
    }

    static int tokens(String s) {
        return Math.max(1, (s.length() + 3) / 4);
    }

    private static boolean keyAccepted(HttpExchange ex) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        return auth != null && auth.startsWith("Bearer ") && !auth.substring(7).isBlank()
                && !auth.substring(7).strip().equals(SandboxServer.REJECTED_KEY);
    }

    private static void error(HttpExchange ex, int status, String message, String type, String code) throws IOException {
        SandboxServer.send(ex, status, "application/json", "{\"error\":{\"message\":" + MiniJson.quote(message) + ",\"type\":"
                + MiniJson.quote(type) + ",\"param\":null,\"code\":" + MiniJson.quote(code) + "}}");
    }

    /** The deterministic article for a prompt. */
    static String article(String prompt) {
        String keyword = keyword(prompt);
        boolean ru = keyword.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC);
        List<String> terms = list(TERMS, prompt, "[,;]");
        List<String> headings = list(HEADINGS, prompt, "[;|]");
        Matcher len = LENGTH.matcher(prompt);
        int target = len.find() ? Math.min(2500, Math.max(150, Integer.parseInt(len.group(1)))) : 500;
        if (terms.isEmpty()) {
            terms = ru ? List.of("качество", "цена", "выбор", "характеристики", "отзывы") : List.of("quality", "price", "choice", "features", "reviews");
        }
        if (headings.isEmpty()) {
            headings = new ArrayList<>();
            for (String t : terms.subList(0, Math.min(4, terms.size()))) {
                headings.add(ru ? capital(t) + ": на что смотреть" : capital(t) + ": what to look at");
            }
        }
        String[] patterns = ru ? RU : EN;
        StringBuilder sb = new StringBuilder(LABEL).append(ru
                ? " Этот текст написан офлайн-песочницей Zemo, а не языковой моделью.\n\n"
                : " This text was written by Zemo's offline sandbox, not by a language model.\n\n");
        sb.append("# ").append(capital(keyword)).append("\n\n");
        int n = 0;
        sb.append(paragraph(patterns, keyword, terms, n, 4)).append("\n\n");
        n += 4;
        int h = 0;
        while (words(sb) < target && n < 4000) {
            sb.append("## ").append(capital(headings.get(h % headings.size()))).append("\n\n");
            for (int p = 0; p < 2 && words(sb) < target; p++) {
                sb.append(paragraph(patterns, keyword, terms, n, 5)).append("\n\n");
                n += 5;
            }
            h++;
        }
        sb.append(ru ? "## Итог\n\n" : "## Summary\n\n").append(String.format(ru
                ? "Выбирая решение по запросу «%s», учитывайте %s — так результат прослужит долго.\n"
                : "When you deal with \"%s\", weigh %s, and the result will serve you well.\n", keyword, String.join(", ", terms.subList(0, Math.min(3, terms.size())))));
        return sb.toString();
    }

    private static final String[] RU = {
            "Когда речь заходит о теме «%1$s», в первую очередь стоит обратить внимание на %2$s.",
            "Опытные специалисты советуют оценить %2$s ещё до того, как принимать окончательное решение.",
            "%3$s напрямую влияет на то, насколько удачным окажется результат.",
            "Если сравнить несколько вариантов, разница в том, что касается %2$s, заметна сразу.",
            "Именно поэтому %2$s упоминается почти в каждом обзоре на тему «%1$s».",
            "Не экономьте на том, что касается %2$s: исправлять ошибки потом дороже.",
            "Покупатели часто спрашивают, как %2$s сочетается с остальными характеристиками.",
            "Хороший продавец всегда подробно расскажет, чем определяется %2$s."};

    private static final String[] EN = {
            "When it comes to %1$s, %2$s is the first thing worth checking.",
            "Experienced buyers look at %2$s before they make the final decision.",
            "%3$s has a direct effect on how well the result turns out.",
            "Compare a few options side by side and the difference in %2$s shows at once.",
            "That is why %2$s comes up in almost every review of %1$s.",
            "Do not cut corners on %2$s: fixing a mistake later costs more.",
            "People often ask how %2$s fits together with the other features.",
            "A good shop will explain in detail what %2$s depends on."};

    private static String paragraph(String[] patterns, String keyword, List<String> terms, int from, int count) {
        StringBuilder p = new StringBuilder();
        for (int i = from; i < from + count; i++) {
            String term = terms.get(i % terms.size());
            if (p.length() > 0) {
                p.append(' ');
            }
            p.append(String.format(patterns[i % patterns.length], keyword, term, capital(term)));
        }
        return p.toString();
    }

    static String keyword(String prompt) {
        Matcher m = KEYWORD.matcher(prompt);
        if (m.find()) {
            return unquote(m.group(1));
        }
        Matcher q = QUOTED.matcher(prompt);
        if (q.find()) {
            return q.group(1).strip();
        }
        String first = prompt.strip().split("\n", 2)[0];
        return first.length() > 80 ? first.substring(0, 80).strip() : first.isBlank() ? "your topic" : first;
    }

    private static List<String> list(Pattern p, String prompt, String separators) {
        Matcher m = p.matcher(prompt);
        if (!m.find()) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String s : m.group(1).split(separators)) {
            String v = unquote(s);
            if (!v.isBlank()) {
                out.add(v);
            }
            if (out.size() >= 12) {
                break;
            }
        }
        return new ArrayList<>(out);
    }

    private static String unquote(String s) {
        return s.strip().replaceAll("^[«\"'“]+|[»\"'”.]+$", "").strip();
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private static int words(CharSequence s) {
        return s.toString().split("\\s+").length;
    }
}
