package com.zemo.analysis.engine.metrics;

import com.zemo.analysis.engine.Language;
import com.zemo.analysis.engine.morphology.AnalyzedToken;
import com.zemo.analysis.engine.morphology.StopWords;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Counts {@link KeywordCount exact, lemma and partial} keyword occurrences in a token list. */
public final class KeywordMatcher {

    private KeywordMatcher() {
    }

    public static KeywordCount count(Keyword keyword, List<AnalyzedToken> tokens, Language language) {
        if (keyword.isEmpty() || tokens.isEmpty()) {
            return KeywordCount.ZERO;
        }
        int[] lemmaAndPartial = lemmaAndPartial(keyword, tokens, language);
        return new KeywordCount(exact(keyword, tokens), lemmaAndPartial[0], lemmaAndPartial[1]);
    }

    private static int exact(Keyword keyword, List<AnalyzedToken> tokens) {
        List<String> words = keyword.words();
        int k = words.size();
        int count = 0;
        int i = 0;
        while (i + k <= tokens.size()) {
            boolean match = true;
            for (int j = 0; j < k; j++) {
                if (!tokens.get(i + j).token().norm().equals(words.get(j))) {
                    match = false;
                    break;
                }
            }
            if (match) {
                count++;
                i += k;
            } else {
                i++;
            }
        }
        return count;
    }

    /** [lemma matches, partial matches] over content words; windows do not cross sentences. */
    private static int[] lemmaAndPartial(Keyword keyword, List<AnalyzedToken> tokens, Language language) {
        List<AnalyzedToken> content = new ArrayList<>();
        for (AnalyzedToken t : tokens) {
            if (StopWords.isContent(language, t) || keyword.contentLemmas().contains(t.lemma())) {
                content.add(t);
            }
        }
        Map<String, Integer> wanted = new HashMap<>();
        keyword.contentLemmas().forEach(l -> wanted.merge(l, 1, Integer::sum));
        int k = keyword.contentLemmas().size();
        boolean[] used = new boolean[content.size()];
        int lemmaMatches = 0;
        int i = 0;
        while (i + k <= content.size()) {
            if (sameSentence(content, i, i + k - 1) && sameMultiset(content, i, k, wanted)) {
                lemmaMatches++;
                for (int j = i; j < i + k; j++) {
                    used[j] = true;
                }
                i += k;
            } else {
                i++;
            }
        }
        int partial = 0;
        for (int j = 0; j < content.size(); j++) {
            if (!used[j] && wanted.containsKey(content.get(j).lemma())) {
                partial++;
            }
        }
        return new int[] {lemmaMatches, partial};
    }

    private static boolean sameSentence(List<AnalyzedToken> content, int from, int to) {
        return content.get(from).token().sentence() == content.get(to).token().sentence();
    }

    private static boolean sameMultiset(List<AnalyzedToken> content, int from, int k, Map<String, Integer> wanted) {
        Map<String, Integer> seen = new HashMap<>();
        for (int j = from; j < from + k; j++) {
            String l = content.get(j).lemma();
            Integer limit = wanted.get(l);
            if (limit == null || seen.merge(l, 1, Integer::sum) > limit) {
                return false;
            }
        }
        return true;
    }
}
