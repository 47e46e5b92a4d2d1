package com.zemo.analysis.engine.morphology;

import com.zemo.analysis.engine.text.Token;
import java.util.List;

/**
 * Baseline: the reading whose lemma has the highest frequency class (ties: the earlier reading).
 * Fixes most of the dictionary-order errors (стать 19 vs сталь 8) but cannot see context.
 */
public final class FrequencyChooser implements ReadingChooser {

    @Override
    public int[] choose(List<Token> tokens, List<List<Reading>> readings) {
        int[] chosen = new int[tokens.size()];
        for (int i = 0; i < chosen.length; i++) {
            chosen[i] = mostFrequent(readings.get(i));
        }
        return chosen;
    }

    static int mostFrequent(List<Reading> rs) {
        int best = 0;
        for (int k = 1; k < rs.size(); k++) {
            if (rs.get(k).frequency() > rs.get(best).frequency()) {
                best = k;
            }
        }
        return best;
    }
}
