package com.zemo.analysis.engine.morphology;

import com.zemo.analysis.engine.Language;
import com.zemo.analysis.engine.text.TextNormalizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Bundled stop-word lists ({@code /com/zemo/analysis/stopwords/ru.txt} and {@code en.txt}, one
 * lemma per line, {@code #} comments). A token is a stop word when its lemma or its normalised
 * form is listed, or when its part of speech is a function class (preposition, conjunction,
 * particle, interjection, pronoun).
 */
public final class StopWords {

    private static final Set<String> RU = load("ru");
    private static final Set<String> EN = load("en");

    private StopWords() {
    }

    public static boolean isStop(Language language, String lemma) {
        return (language == Language.RU ? RU : EN).contains(lemma);
    }

    public static boolean isStop(Language language, AnalyzedToken t) {
        Pos pos = t.pos();
        if (pos == Pos.PREP || pos == Pos.CONJ || pos == Pos.PART || pos == Pos.INTJ || pos == Pos.PRON) {
            return true;
        }
        Set<String> set = language == Language.RU ? RU : EN;
        return set.contains(t.lemma()) || set.contains(t.token().norm());
    }

    /**
     * A content word: a word (not a number) that is not a stop word, has a content part of speech
     * (or is an unknown word guessed as a noun) and at least two letters.
     */
    public static boolean isContent(Language language, AnalyzedToken t) {
        return t.token().isWord() && t.lemma().length() >= 2 && (t.pos().isContent() || !t.known())
                && !isStop(language, t);
    }

    private static Set<String> load(String code) {
        String path = "/com/zemo/analysis/stopwords/" + code + ".txt";
        Set<String> set = new HashSet<>();
        try (InputStream in = StopWords.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + path);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                String w = line.strip();
                if (!w.isEmpty() && !w.startsWith("#")) {
                    set.add(TextNormalizer.norm(w));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(set);
    }
}
