package com.zemo.generation.batch;

import com.zemo.analysis.engine.score.ContentScore;
import com.zemo.analysis.engine.score.TermUsage;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a content score says is missing or too much, in two forms: JSON for the generations row and the job result,
 * and the instructions of the one revision round.
 */
public final class ScoreGaps {
    private ScoreGaps() {
    }

    public static JsonObject json(ContentScore s) {
        return Json.createObjectBuilder()
                .add("score", s.score())
                .add("words", s.words())
                .add("lengthGap", s.lengthGap())
                .add("missingTerms", terms(s.missingTerms()))
                .add("underusedTerms", terms(s.underusedTerms()))
                .add("overusedTerms", terms(s.overusedTerms()))
                .add("missingQuestions", Json.createArrayBuilder(s.missingQuestions()))
                .add("keywordInTitle", s.keywordInTitle())
                .add("keywordInH1", s.keywordInH1())
                .add("keywordInFirstParagraph", s.keywordInFirstParagraph())
                .add("stuffing", s.stuffing())
                .add("recommendations", Json.createArrayBuilder(s.recommendations()))
                .build();
    }

    private static JsonArrayBuilder terms(List<TermUsage> l) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        l.forEach(t -> a.add(Json.createObjectBuilder().add("term", t.display()).add("count", t.count())
                .add("min", t.min()).add("max", t.max())));
        return a;
    }

    /**
     * The revision request: the score, then one instruction per gap, most important first, and what to keep.
     * Term names and questions come from competitor pages; they are quoted data inside the instruction.
     */
    public static String instructions(ContentScore s, int minScore) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT,
                "Revise the text above. It scores %d of 100 against the brief; it needs at least %d. "
                        + "Return the whole revised text in Markdown, nothing else. Make these changes:", s.score(), minScore));
        if (s.stuffing()) {
            lines.add("- Cut keyword stuffing: " + String.join("; ", s.stuffingReasons()) + ".");
        }
        if (s.lengthGap() > 0) {
            lines.add(String.format(Locale.ROOT, "- Make it longer: add about %d words (it has %d).", s.lengthGap(), s.words()));
        } else if (s.lengthGap() < 0) {
            lines.add(String.format(Locale.ROOT, "- Make it shorter: cut about %d words (it has %d).", -s.lengthGap(), s.words()));
        }
        if (!s.keywordInH1()) {
            lines.add("- Put the keyword in the H1 heading (a line starting with '# ').");
        }
        if (!s.keywordInFirstParagraph()) {
            lines.add("- Use the keyword in the first paragraph.");
        }
        if (!s.missingTerms().isEmpty()) {
            lines.add("- Add these terms (times to use each): " + join(s.missingTerms()) + ".");
        }
        if (!s.underusedTerms().isEmpty()) {
            lines.add("- Use these terms more often: " + join(s.underusedTerms()) + ".");
        }
        if (!s.overusedTerms().isEmpty()) {
            lines.add("- Use these terms less often: " + join(s.overusedTerms()) + ".");
        }
        if (!s.missingQuestions().isEmpty()) {
            lines.add("- Answer these questions in the text: "
                    + String.join(" / ", s.missingQuestions().subList(0, Math.min(8, s.missingQuestions().size()))) + ".");
        }
        lines.add("Keep what already works: the facts, the structure and the tone.");
        return String.join("\n", lines);
    }

    private static String join(List<TermUsage> terms) {
        return String.join(", ", terms.stream().limit(15)
                .map(t -> String.format(Locale.ROOT, "\"%s\" (%d–%d, now %d)", t.display(), t.min(), t.max(), t.count()))
                .toList());
    }
}
