package com.zemo.analysis.engine.morphology;

import com.zemo.analysis.engine.text.Token;
import java.util.List;

/**
 * Baseline: the dictionary's first reading. The dictionary lists readings alphabetically by lemma,
 * so this is often wrong (стали → сталь, были → быль); kept to measure the better choosers against.
 */
public final class FirstReadingChooser implements ReadingChooser {

    @Override
    public int[] choose(List<Token> tokens, List<List<Reading>> readings) {
        return new int[tokens.size()];
    }
}
