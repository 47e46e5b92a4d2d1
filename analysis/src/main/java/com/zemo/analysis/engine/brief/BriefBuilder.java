package com.zemo.analysis.engine.brief;

import com.zemo.analysis.engine.Language;
import com.zemo.analysis.engine.competitors.CompetitorAnalysis;
import com.zemo.analysis.engine.competitors.HeadingTopic;
import com.zemo.analysis.engine.competitors.QuestionStat;
import com.zemo.analysis.engine.competitors.TermStat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a {@link CompetitorAnalysis} into a {@link Brief}.
 *
 * <ul>
 *   <li>Title and H1: the query (capitalised) alone and followed by the strongest terms that are not
 *       part of it, in the forms the competitors write them; titles are kept within
 *       {@value #MAX_TITLE} characters.</li>
 *   <li>Outline: H1 = the query; one H2 per common heading topic (the shortest competitor heading
 *       for it); then an FAQ section with the questions as H3.</li>
 *   <li>Terms: the analysis' term table, keyword terms first dropped (the score checks the keyword
 *       separately).</li>
 * </ul>
 */
public final class BriefBuilder {

    static final int MAX_TITLE = 70;
    static final int MAX_TERMS = 40;
    static final int MAX_OUTLINE_SECTIONS = 8;
    static final int MAX_QUESTIONS = 10;

    public Brief build(CompetitorAnalysis analysis) {
        Language lang = Language.fromCode(analysis.language());
        String keyword = capitalise(analysis.query().strip());
        List<TermStat> extra = analysis.terms().stream()
                .filter(t -> !t.inKeyword() && !overlapsKeyword(t, analysis.query()))
                .toList();
        String and = lang == Language.RU ? " и " : " and ";

        Set<String> titles = new LinkedHashSet<>();
        if (extra.size() >= 3) {
            titles.add(fit(keyword + ": " + extra.get(0).display() + ", " + extra.get(1).display() + and
                    + extra.get(2).display()));
        }
        if (extra.size() >= 2) {
            titles.add(fit(keyword + " — " + extra.get(0).display() + and + extra.get(1).display()));
        }
        titles.add(fit(keyword));
        Set<String> h1 = new LinkedHashSet<>();
        h1.add(keyword);
        if (!extra.isEmpty()) {
            h1.add(keyword + ": " + extra.get(0).display());
        }

        List<OutlineItem> outline = new ArrayList<>();
        outline.add(new OutlineItem(1, keyword));
        for (HeadingTopic topic : analysis.headingTopics()) {
            if (outline.size() > MAX_OUTLINE_SECTIONS) {
                break;
            }
            String heading = topic.examples().stream().min(Comparator.comparingInt(String::length)).orElse(topic.topic());
            if (outline.stream().noneMatch(o -> o.text().equalsIgnoreCase(heading))) {
                outline.add(new OutlineItem(2, heading));
            }
        }
        List<String> questions = analysis.questions().stream().limit(MAX_QUESTIONS).map(QuestionStat::text).toList();
        if (!questions.isEmpty()) {
            outline.add(new OutlineItem(2, lang == Language.RU ? "Частые вопросы" : "Frequently asked questions"));
            questions.forEach(q -> outline.add(new OutlineItem(3, q)));
        }

        List<TermTarget> terms = analysis.terms().stream().limit(MAX_TERMS)
                .map(t -> new TermTarget(t.term(), t.display(), t.recommendedMin(), t.recommendedMax(), t.weight(),
                        t.share(), t.zonePages().keySet().stream().map(Enum::name).toList()))
                .toList();
        List<String> excluded = analysis.verdicts().stream().filter(v -> !v.included())
                .map(v -> v.url() + " — " + v.reason()).toList();
        LengthTarget length = new LengthTarget(analysis.length().recommendedMin(),
                (int) Math.round(analysis.length().median()), analysis.length().recommendedMax());
        return new Brief(analysis.query(), analysis.language(), List.copyOf(titles), List.copyOf(h1),
                List.copyOf(outline), length, terms, questions, excluded, analysis.pagesIncluded());
    }

    private static boolean overlapsKeyword(TermStat t, String query) {
        return query.toLowerCase(Locale.ROOT).contains(t.display());
    }

    private static String fit(String title) {
        if (title.length() <= MAX_TITLE) {
            return title;
        }
        int cut = title.lastIndexOf(' ', MAX_TITLE);
        return (cut > 0 ? title.substring(0, cut) : title.substring(0, MAX_TITLE)).replaceAll("[,:—\\s]+$", "");
    }

    static String capitalise(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

}
