package com.zemo.analysis.engine.competitors;

import java.util.List;

/**
 * What the ranking pages for a query have in common.
 *
 * @param query         the search query
 * @param language      "ru" or "en"
 * @param pagesTotal    pages given
 * @param pagesIncluded pages used for the numbers
 * @param verdicts      one per page, in input order, with the reason
 * @param length        word-count statistics of the included pages
 * @param terms         thematic terms, by weight
 * @param headingTopics topics of H2–H6 headings shared by several pages
 * @param questions     questions the pages answer, most common first
 * @param warnings      anything the reader should know (e.g. no page left after exclusions)
 */
public record CompetitorAnalysis(String query, String language, int pagesTotal, int pagesIncluded,
                                 List<PageVerdict> verdicts, LengthStats length, List<TermStat> terms,
                                 List<HeadingTopic> headingTopics, List<QuestionStat> questions,
                                 List<String> warnings) {
}
