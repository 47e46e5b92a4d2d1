package com.zemo.analysis.engine.morphology;

import static org.assertj.core.api.Assertions.assertThat;

import com.zemo.analysis.engine.Fixtures;
import com.zemo.analysis.engine.Language;
import com.zemo.analysis.engine.text.Tokenizer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RealTextMorphologyTest {

    private static Map<String, AnalyzedToken> byText(List<AnalyzedToken> tokens) {
        return tokens.stream().collect(Collectors.toMap(AnalyzedToken::text, Function.identity(), (a, b) -> a));
    }

    @Test
    void russianWindowsText() {
        List<AnalyzedToken> tokens = Morphology.of(Language.RU).analyze(new Tokenizer().tokenize(Fixtures.RU_WINDOWS));
        Map<String, AnalyzedToken> t = byText(tokens);
        assertThat(t.get("Пластиковые")).extracting(AnalyzedToken::lemma, AnalyzedToken::pos).containsExactly("пластиковый", Pos.ADJ);
        assertThat(t.get("окна")).extracting(AnalyzedToken::lemma, AnalyzedToken::pos).containsExactly("окно", Pos.NOUN);
        assertThat(t.get("стали")).extracting(AnalyzedToken::lemma, AnalyzedToken::pos).containsExactly("стать", Pos.VERB);
        assertThat(t.get("квартир")).extracting(AnalyzedToken::lemma).isEqualTo("квартира");
        assertThat(t.get("сохраняют")).extracting(AnalyzedToken::lemma, AnalyzedToken::pos).containsExactly("сохранять", Pos.VERB);
        assertThat(t.get("на")).extracting(AnalyzedToken::pos).isEqualTo(Pos.PREP);
        assertThat(t.get("и")).extracting(AnalyzedToken::pos).isEqualTo(Pos.CONJ);
        assertThat(t.get("пятью")).extracting(AnalyzedToken::lemma, AnalyzedToken::pos).containsExactly("пять", Pos.NUM);
        assertThat(t.get("снижает")).extracting(AnalyzedToken::lemma).isEqualTo("снижать");
        assertThat(t.get("стоит")).extracting(AnalyzedToken::lemma).isEqualTo("стоить");
        assertThat(t.get("хорошо")).extracting(AnalyzedToken::pos).isEqualTo(Pos.ADV);
        // Unknown words fall back to the word itself.
        assertThat(t.get("ПВХ")).extracting(AnalyzedToken::lemma).isEqualTo("пвх");
        long known = tokens.stream().filter(AnalyzedToken::known).count();
        assertThat((double) known / tokens.size()).isGreaterThan(0.95);
    }

    @Test
    void englishRunningShoesText() {
        List<AnalyzedToken> tokens = Morphology.of(Language.EN).analyze(new Tokenizer().tokenize(Fixtures.EN_SHOES));
        Map<String, AnalyzedToken> t = byText(tokens);
        assertThat(t.get("shoes")).extracting(AnalyzedToken::lemma, AnalyzedToken::pos).containsExactly("shoe", Pos.NOUN);
        assertThat(t.get("running")).extracting(AnalyzedToken::pos).isEqualTo(Pos.ADJ);
        assertThat(t.get("protects")).extracting(AnalyzedToken::lemma, AnalyzedToken::pos).containsExactly("protect", Pos.VERB);
        assertThat(t.get("legs")).extracting(AnalyzedToken::lemma).isEqualTo("leg");
        assertThat(t.get("runs")).extracting(AnalyzedToken::lemma, AnalyzedToken::pos).containsExactly("run", Pos.NOUN);
        assertThat(t.get("buy")).extracting(AnalyzedToken::pos).isEqualTo(Pos.VERB);
        assertThat(t.get("should")).extracting(AnalyzedToken::pos).isEqualTo(Pos.VERB);
        assertThat(t.get("500")).extracting(AnalyzedToken::pos).isEqualTo(Pos.NUM);
    }

    @Test
    void unknownRussianWordsFallBackToTheWord() {
        List<AnalyzedToken> tokens = Morphology.of(Language.RU).analyze(new Tokenizer().tokenize("Кэшбэк на роутер"));
        assertThat(tokens.get(0)).extracting(AnalyzedToken::lemma, AnalyzedToken::known).containsExactly("кэшбэк", false);
        assertThat(tokens.get(0).pos()).isEqualTo(Pos.NOUN);
    }

    @Test
    void isThreadSafe() throws Exception {
        Morphology m = new Morphology(Language.RU, 0);
        List<AnalyzedToken> expected = m.analyze(new Tokenizer().tokenize(Fixtures.RU_WINDOWS));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<AnalyzedToken>>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> m.analyze(new Tokenizer().tokenize(Fixtures.RU_WINDOWS))));
            }
            for (Future<List<AnalyzedToken>> f : results) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void stopWordsAndPhrases() {
        List<AnalyzedToken> tokens = Morphology.of(Language.RU)
                .analyze(new Tokenizer().tokenize("Пластиковые окна из ПВХ, пластиковые окна для дома."));
        List<String> phrases = PhraseExtractor.phrases(Language.RU, tokens);
        assertThat(phrases).contains("пластиковый окно", "окно из пвх", "окно для дом");
        assertThat(phrases).noneMatch(p -> p.startsWith("из ") || p.endsWith(" для"));
        assertThat(StopWords.isStop(Language.RU, "который")).isTrue();
        assertThat(StopWords.isStop(Language.EN, "the")).isTrue();
    }
}
