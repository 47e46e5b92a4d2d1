package com.zemo.analysis.engine.morphology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LemmatizerTest {

    private final Lemmatizer lemmatizer = new Lemmatizer();

    @Test
    void autoDetectsRussianAndCountsLemmas() {
        LemmatizationResult r = lemmatizer.lemmatize("Окна и окну: пластиковое окно ещё лучше, чем окон нет.", "auto");
        assertThat(r.language()).isEqualTo("ru");
        assertThat(r.tokens().get(0)).isEqualTo(new LemmaToken("Окна", "окно", Pos.NOUN));
        assertThat(r.lemmaFrequencies().entrySet().iterator().next().getKey()).isEqualTo("окно");
        assertThat(r.lemmaFrequencies()).containsEntry("окно", 4).containsEntry("еще", 1);
    }

    @Test
    void englishExplicit() {
        LemmatizationResult r = lemmatizer.lemmatize("Shoes wear out. These shoes wore out faster.", "en");
        assertThat(r.language()).isEqualTo("en");
        assertThat(r.lemmaFrequencies()).containsEntry("shoe", 2).containsEntry("wear", 2);
    }

    @Test
    void rejectsUnknownLanguage() {
        assertThatThrownBy(() -> lemmatizer.lemmatize("x", "de")).isInstanceOf(IllegalArgumentException.class);
    }
}
