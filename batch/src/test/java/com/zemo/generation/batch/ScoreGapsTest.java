package com.zemo.generation.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.zemo.analysis.engine.brief.Brief;
import com.zemo.analysis.engine.score.ContentScore;
import com.zemo.analysis.engine.score.ContentScorer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class ScoreGapsTest {
    /** The analysis engine's brief as analyses.brief stores it (JSON-B of the Brief record). */
    static final String BRIEF_JSON = """
            {"query":"best running shoes","language":"en",
             "titleSuggestions":["Best running shoes of 2026"],"h1Suggestions":["Best running shoes"],
             "outline":[{"level":1,"text":"Best running shoes"},{"level":2,"text":"How to choose running shoes"},
                        {"level":2,"text":"Cushioning and drop"}],
             "length":{"min":300,"target":450,"max":600},
             "terms":[{"term":"cushioning","display":"cushioning","min":2,"max":6,"weight":1.0,"share":0.9,"zones":["BODY"]},
                      {"term":"drop","display":"drop","min":1,"max":4,"weight":0.6,"share":0.7,"zones":["H2_H6","BODY"]},
                      {"term":"trail","display":"trail","min":1,"max":3,"weight":0.5,"share":0.6,"zones":["BODY"]}],
             "questions":["How much cushioning do marathon runners need?"],
             "excludedPages":["https://www.amazon.com/s?k=running+shoes — marketplace (amazon.com)"],
             "pagesAnalysed":8}
            """;

    @Test
    void briefJsonReadsEveryPart() {
        Brief b = BriefJson.parse(BRIEF_JSON);
        assertThat(b.query()).isEqualTo("best running shoes");
        assertThat(b.outline()).hasSize(3);
        assertThat(b.length().target()).isEqualTo(450);
        assertThat(b.terms()).extracting(t -> t.display()).containsExactly("cushioning", "drop", "trail");
        assertThat(b.terms().get(1).zones()).containsExactly("H2_H6", "BODY");
        assertThat(b.pagesAnalysed()).isEqualTo(8);
        assertThat(BriefJson.parse("{\"query\":\"x\"}").terms()).isEmpty();
    }

    @Test
    void gapsBecomeInstructionsAndJson() {
        Brief b = BriefJson.parse(BRIEF_JSON);
        ContentScore s = new ContentScorer().score("Some text about shoes for running. Trail shoes are fine.", null, b);
        String text = ScoreGaps.instructions(s, 70);
        assertThat(text).startsWith("Revise the text above. It scores " + s.score() + " of 100 against the brief; it needs at least 70.")
                .contains("add about", "Put the keyword in the H1", "\"cushioning\" (2–6, now 0)",
                        "Answer these questions in the text: How much cushioning do marathon runners need?")
                .doesNotContain("\"trail\"");
        JsonObject j = ScoreGaps.json(s);
        assertThat(j.getInt("score")).isEqualTo(s.score());
        assertThat(j.getInt("lengthGap")).isPositive();
        assertThat(j.getJsonArray("missingTerms").getJsonObject(0).getString("term")).isEqualTo("cushioning");
        assertThat(j.getJsonArray("missingQuestions")).hasSize(1);
    }

    @Test
    void checkpointPinsThePromptVersion() {
        assertThat(GenerateBatchlet.pinnedVersionId("{\"promptVersionId\":42,\"round\":1}")).contains(42L);
        assertThat(GenerateBatchlet.pinnedVersionId("{\"next\":3}")).isEmpty();
        assertThat(GenerateBatchlet.pinnedVersionId("not json")).isEmpty();
    }
}
