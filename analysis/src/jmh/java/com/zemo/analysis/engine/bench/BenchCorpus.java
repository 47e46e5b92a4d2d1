package com.zemo.analysis.engine.bench;

import com.zemo.analysis.engine.metrics.Heading;
import com.zemo.analysis.engine.metrics.PageContent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Benchmark input built from bench-ru.txt: a long text, and competitor pages of a given length. */
final class BenchCorpus {

    private BenchCorpus() {
    }

    static String text() {
        try (InputStream in = BenchCorpus.class.getResourceAsStream("/bench-ru.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The corpus repeated to about {@code words} words (paragraphs kept whole). */
    static String repeated(int words) {
        String base = text();
        int baseWords = base.split("\\s+").length;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i * baseWords < words; i++) {
            sb.append(base).append("\n\n");
        }
        return sb.toString();
    }

    /**
     * {@code count} pages of about {@code words} words each: sentences of the corpus shuffled with a
     * per-page seed into paragraphs of five sentences, with an H1 and an H2 every three paragraphs.
     */
    static List<PageContent> pages(int count, int words) {
        List<String> sentences = new ArrayList<>(Arrays.asList(text().replace("\n", " ").split("(?<=[.!?])\\s+")));
        List<PageContent> pages = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            Random rnd = new Random(p);
            List<String> paragraphs = new ArrayList<>();
            List<Heading> headings = new ArrayList<>();
            headings.add(new Heading(1, "Пластиковые окна: выбор и монтаж"));
            int total = 0;
            while (total < words) {
                StringBuilder para = new StringBuilder();
                for (int s = 0; s < 5; s++) {
                    String sentence = sentences.get(rnd.nextInt(sentences.size()));
                    para.append(sentence).append(' ');
                    total += sentence.split("\\s+").length;
                }
                paragraphs.add(para.toString().strip());
                if (paragraphs.size() % 3 == 0) {
                    headings.add(new Heading(2, sentences.get(rnd.nextInt(sentences.size())).replaceAll("[.!]$", "")));
                }
            }
            pages.add(new PageContent("https://site" + p + ".example/okna", "Пластиковые окна — сайт " + p,
                    "Пластиковые окна, цены и монтаж", headings, paragraphs));
        }
        return pages;
    }
}
