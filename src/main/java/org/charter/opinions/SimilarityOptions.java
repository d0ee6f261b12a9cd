package org.charter.opinions;

/**
 * How to compute similarities: the metric, the logarithm base of the Jensen–Shannon metric, and the bootstrap
 * (number of resamples, fixed seed so that the same inputs always give the same intervals).
 */
public record SimilarityOptions(Metric metric, LogBase logBase, int resamples, long seed) {

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
    }

    public static SimilarityOptions defaults() {
        return new SimilarityOptions(Metric.JSD, LogBase.TWO, DEFAULT_RESAMPLES, DEFAULT_SEED);
    }

    public static SimilarityOptions of(Metric metric, LogBase logBase) {
        return new SimilarityOptions(metric, logBase, DEFAULT_RESAMPLES, DEFAULT_SEED);
    }

    public SimilarityOptions withResamples(int n) {
        return new SimilarityOptions(metric, logBase, n, seed);
    }

    /** The base as reported (only the Jensen–Shannon metric has one). */
    String logBaseLabel() {
        return metric == Metric.JSD ? logBase.label() : null;
    }
}
