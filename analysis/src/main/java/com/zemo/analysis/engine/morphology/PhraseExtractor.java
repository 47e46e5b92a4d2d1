package com.zemo.analysis.engine.morphology;

import com.zemo.analysis.engine.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * 2- and 3-word phrases over lemmas ("пластиковый окно", "running shoe"). A phrase stays inside one
 * sentence, does not cross punctuation, starts and ends with a content word and contains no
 * number; a stop word may stand inside a 3-word phrase ("окно из пластик" is kept, "из пластик" is
 * not). Phrase keys are the lemmas joined by single spaces.
 */
public final class PhraseExtractor {

    public static final int MIN_WORDS = 2;
    public static final int MAX_WORDS = 3;

    private PhraseExtractor() {
    }

    /** Calls {@code sink} with (lemma key, surface text as written, lowercased) for every phrase occurrence. */
    public static void forEachPhrase(Language language, List<AnalyzedToken> tokens, BiConsumer<String, String> sink) {
        int n = tokens.size();
        boolean[] content = new boolean[n];
        for (int i = 0; i < n; i++) {
            content[i] = StopWords.isContent(language, tokens.get(i));
        }
        for (int i = 0; i < n; i++) {
            if (!content[i]) {
                continue;
            }
            for (int len = MIN_WORDS; len <= MAX_WORDS && i + len <= n; len++) {
                int last = i + len - 1;
                if (!joined(tokens, i, last)) {
                    break;
                }
                if (!content[last] || hasNumber(tokens, i, last)) {
                    continue;
                }
                StringBuilder key = new StringBuilder();
                StringBuilder surface = new StringBuilder();
                for (int k = i; k <= last; k++) {
                    if (k > i) {
                        key.append(' ');
                        surface.append(' ');
                    }
                    key.append(tokens.get(k).lemma());
                    surface.append(tokens.get(k).token().norm());
                }
                sink.accept(key.toString(), surface.toString());
            }
        }
    }

    public static List<String> phrases(Language language, List<AnalyzedToken> tokens) {
        List<String> out = new ArrayList<>();
        forEachPhrase(language, tokens, (key, surface) -> out.add(key));
        return out;
    }

    /** Same sentence and no punctuation between consecutive tokens from..to. */
    private static boolean joined(List<AnalyzedToken> tokens, int from, int to) {
        int sentence = tokens.get(from).token().sentence();
        for (int k = from + 1; k <= to; k++) {
            if (tokens.get(k).token().punctBefore() || tokens.get(k).token().sentence() != sentence) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasNumber(List<AnalyzedToken> tokens, int from, int to) {
        for (int k = from; k <= to; k++) {
            if (!tokens.get(k).token().isWord()) {
                return true;
            }
        }
        return false;
    }
}
