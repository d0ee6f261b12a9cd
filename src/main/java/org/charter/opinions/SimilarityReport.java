package org.charter.opinions;

import java.util.List;

/**
 * Whose opinions a model answer set resembles: countries ranked by mean similarity, best first.
 * {@code questions} counts the answered questions compared with at least one country.
 */
public record SimilarityReport(String dataset, String answers, int questions, String metric, String logBase,
                               List<CountryScore> countries, Skips skipped, Bootstrap.Settings bootstrap,
                               Histogram histogram) {

    /**
     * What could not be compared. {@code zeroOrMissingShares}: (question, country) pairs whose shares were all zero or
     * missing (for Wasserstein: zero on the scale). {@code unanswered}: dataset questions the answer set does not
     * answer. {@code withoutCountries}: answered questions with no comparable country. {@code notOrdinal}: answered
     * questions left out by the Wasserstein metric because they are not ordinal. {@code modelOffScale}: answered
     * ordinal questions where the model put no probability on the scale. {@code fewQuestions}: countries not ranked
     * because they answered fewer questions than asked for.
     */
    public record Skips(int zeroOrMissingShares, int unanswered, int withoutCountries, int notOrdinal, int modelOffScale,
                        int fewQuestions) {
    }
}
