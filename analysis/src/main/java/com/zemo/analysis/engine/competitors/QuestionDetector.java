package com.zemo.analysis.engine.competitors;

import com.zemo.analysis.engine.Language;
import com.zemo.analysis.engine.text.TextNormalizer;
import java.util.Set;

/**
 * Recognises questions: a sentence or heading ending in "?", or a heading starting with a question
 * word ("Как выбрать окна", "How to clean running shoes"). Paragraph sentences need the question
 * mark, because "Как правило, …" and "What matters is …" start with question words without asking.
 */
public final class QuestionDetector {

    private static final Set<String> RU = Set.of("как", "что", "какой", "какая", "какие", "какое", "каких", "почему",
            "зачем", "сколько", "где", "куда", "откуда", "когда", "чем", "кто", "можно", "нужно", "стоит", "ли",
            "чего", "каков", "отчего", "нужен", "нужна", "нужны");
    private static final Set<String> EN = Set.of("how", "what", "why", "which", "when", "where", "who", "whom",
            "whose", "can", "could", "should", "does", "do", "is", "are", "will", "did", "was");

    private QuestionDetector() {
    }

    public static boolean isQuestion(String sentence, boolean heading, Language language) {
        String s = sentence == null ? "" : sentence.strip();
        if (s.isEmpty()) {
            return false;
        }
        if (s.endsWith("?")) {
            return true;
        }
        if (!heading) {
            return false;
        }
        int end = 0;
        while (end < s.length() && (Character.isLetter(s.charAt(end)) || s.charAt(end) == '-')) {
            end++;
        }
        String first = TextNormalizer.norm(s.substring(0, end));
        return (language == Language.RU ? RU : EN).contains(first);
    }
}
