package com.zemo.analysis.engine.competitors;

/**
 * Word counts of the included pages and the recommendation derived from them.
 *
 * @param min            shortest page
 * @param q1             first quartile
 * @param median         median: the target length
 * @param q3             third quartile
 * @param max            longest page
 * @param recommendedMin lower end of the recommended range (the first quartile, rounded)
 * @param recommendedMax upper end (the third quartile, rounded): the middle half of the competitors
 */
public record LengthStats(int min, double q1, double median, double q3, int max, int recommendedMin,
                          int recommendedMax) {

    public static LengthStats of(int[] words) {
        if (words.length == 0) {
            return new LengthStats(0, 0, 0, 0, 0, 0, 0);
        }
        double q1 = Stats.quantile(words, 0.25);
        double q3 = Stats.quantile(words, 0.75);
        return new LengthStats(Stats.min(words), q1, Stats.median(words), q3, Stats.max(words),
                (int) Math.round(q1), (int) Math.round(q3));
    }
}
