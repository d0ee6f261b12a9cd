package org.charter.opinions;

/**
 * How to compute similarities: the metric, the logarithm base of the Jensen–Shannon metric, the bootstrap (number of
 * resamples, fixed seed so that the same inputs always give the same intervals), and the fewest questions a country
 * needs to be ranked (a mean over one or two questions says little; such countries are counted, not ranked).
 */
public record SimilarityOptions(Metric metric, LogBase logBase, int resamples, long seed, int minQuestions) {

    /** The default seed: the GlobalOpinionQA paper's date (2023-06-29). Any fixed value would do. */
    public static final long DEFAULT_SEED = 20230629L;
    public static final int DEFAULT_RESAMPLES = 1000;
    public static final int MAX_RESAMPLES = 100_000;

    public SimilarityOptions {
        if (metric == null) {
            metric = Metric.JSD;
        }
        if (logBase == null) {
            logBase = LogBase.TWO;
        }
        if (resamples < 0 || resamples > MAX_RESAMPLES) {
            throw new IllegalArgumentException("resamples must be between 0 and " + MAX_RESAMPLES);
        }
        if (minQuestions < 1) {
            throw new IllegalArgumentException("minQuestions must be at least 1");
        }
    }

    public SimilarityOptions(Metric metric, LogBase logBase, int resamples, long seed) {
        this(metric, logBase, resamples, seed, 1);
    }

    public static SimilarityOptions defaults() {
        return new SimilarityOptions(Metric.JSD, LogBase.TWO, DEFAULT_RESAMPLES, DEFAULT_SEED);
    }

    public static SimilarityOptions of(Metric metric, LogBase logBase) {
        return new SimilarityOptions(metric, logBase, DEFAULT_RESAMPLES, DEFAULT_SEED);
    }

    public SimilarityOptions withResamples(int n) {
        return new SimilarityOptions(metric, logBase, n, seed, minQuestions);
    }

    public SimilarityOptions withMinQuestions(int n) {
        return new SimilarityOptions(metric, logBase, resamples, seed, n);
    }

    /** The base as reported (only the Jensen–Shannon metric has one). */
    String logBaseLabel() {
        return metric == Metric.JSD ? logBase.label() : null;
    }
}
