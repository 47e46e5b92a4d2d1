package com.zemo.analysis.engine.morphology;

import com.zemo.analysis.engine.text.Token;
import java.util.List;

/**
 * Chooses one reading per token. Implementations must be stateless and thread-safe.
 */
public interface ReadingChooser {

    /**
     * @param tokens   the tokens of a text, in order
     * @param readings for each token its dictionary readings (possibly empty for unknown words)
     * @return for each token the index of the chosen reading in its list (0 when the list is empty)
     */
    int[] choose(List<Token> tokens, List<List<Reading>> readings);
}
