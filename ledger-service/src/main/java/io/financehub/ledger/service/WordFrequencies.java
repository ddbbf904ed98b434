package io.financehub.ledger.service;

import java.util.List;

/**
 * How often a word occurs in {@code search_text}, estimated the way PostgreSQL's planner estimates a
 * {@code LIKE '%word%'}: from the column's statistics (its most common values with their frequencies, and the
 * histogram bounds, a sample of the other values), by testing each sampled value.
 *
 * <p>It tells a multi-word search which of its words the trigram index should be given alone: for a phrase of a
 * common word and a rare one ("guimaraes 4242"), the index reads every posting page of the common word's trigrams
 * although the rare word's few rows decide; given only the rare word it reads a few pages (0.35 ms instead of
 * 7-19 ms on two million rows, see docs/benchmarks/ledger-service.md).
 *
 * @param commonValues      pg_stats.most_common_vals (may be empty)
 * @param commonFrequencies their frequencies
 * @param histogram         pg_stats.histogram_bounds (may be empty)
 * @param nullFraction      pg_stats.null_frac
 */
public record WordFrequencies(List<String> commonValues, List<Float> commonFrequencies, List<String> histogram,
        float nullFraction) {

    public static final WordFrequencies NONE = new WordFrequencies(List.of(), List.of(), List.of(), 0f);

    /**
     * A word is rare when no sampled value contains it: with PostgreSQL's sample of 1,000 values (the column's
     * statistics target), under about 0.1 % of the rows.
     */
    static final double RARE = 0.0;
    /** A word is common when at least 1 % of the rows contain it: its trigrams' posting lists are long. */
    static final double COMMON = 0.01;
    /** Fewer sampled values than this and the estimate means nothing (a new or small table). */
    static final int MIN_SAMPLE = 100;

    /** The estimated fraction of rows containing {@code word}, or -1 when the sample is too small to tell. */
    public double fraction(String word) {
        if (histogram.size() + commonValues.size() < MIN_SAMPLE) {
            return -1;
        }
        double common = 0;
        double commonTotal = 0;
        for (int i = 0; i < commonValues.size(); i++) {
            commonTotal += commonFrequencies.get(i);
            if (commonValues.get(i).contains(word)) {
                common += commonFrequencies.get(i);
            }
        }
        if (histogram.isEmpty()) {
            return common;
        }
        int hits = 0;
        for (String value : histogram) {
            if (value.contains(word)) {
                hits++;
            }
        }
        return common + (1 - commonTotal - nullFraction) * hits / histogram.size();
    }

    /**
     * For a folded search of several words, the one word to give the trigram index instead of all of them: a rare
     * word (of at least three characters, so that it has trigrams), when another word is common. Null otherwise:
     * when every word is rare all posting lists are short, and when none is the pattern of all the words is the most
     * selective thing the index can be given (and the planner's estimate of it decides between the index and a
     * walk in date order).
     */
    public String rareWordAmongCommon(String folded) {
        String[] words = folded.split(" ");
        if (words.length < 2) {
            return null;
        }
        String rarest = null;
        double rarestFraction = Double.MAX_VALUE;
        double commonest = -1;
        for (String word : words) {
            if (word.length() < 3) {
                continue;
            }
            double fraction = fraction(word);
            if (fraction < 0) {
                return null;
            }
            commonest = Math.max(commonest, fraction);
            if (fraction < rarestFraction || fraction == rarestFraction && word.length() > rarest.length()) {
                rarest = word;
                rarestFraction = fraction;
            }
        }
        return rarest != null && rarestFraction <= RARE && commonest >= COMMON ? rarest : null;
    }
}
