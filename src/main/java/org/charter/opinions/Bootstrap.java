package org.charter.opinions;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;

import java.util.SplittableRandom;

/**
 * Percentile bootstrap confidence interval of a mean (Efron &amp; Tibshirani 1993, ch. 13): resample the values (one
 * per question) with replacement {@code resamples} times, take each resample's mean, and report the 2.5th and
 * 97.5th percentiles of those means. Percentiles use linear interpolation (Commons Math's R-7 estimator, numpy's
 * default). The random stream is seeded from the report's seed and a key (the country), so a country's interval
 * does not depend on which other countries are in the dataset or on the order of computation.
 */
public final class Bootstrap {

    /** Settings as reported next to the intervals. */
    public record Settings(int resamples, long seed, double confidence, String method) {
    }

    static final double CONFIDENCE = 0.95;

    private Bootstrap() {
    }

    static Settings settings(SimilarityOptions options) {
        return new Settings(options.resamples(), options.seed(), CONFIDENCE,
                "percentile bootstrap over questions (R-7 percentiles)");
    }

    /** The 95% interval [lo, hi] of the mean of {@code values}; null when there are no resamples or no values. */
    public static double[] meanInterval(double[] values, int n, int resamples, long seed, String key) {
        if (resamples == 0 || n == 0) {
            return null;
        }
        SplittableRandom random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * key.hashCode()));
        double[] means = new double[resamples];
        long size = n;
        for (int r = 0; r < resamples; r++) {
            double sum = 0;
            int i = 0;
            // two indices per 64 random bits, by multiply-shift (Lemire 2019); the bias, below n / 2^32, is negligible
            for (; i + 1 < n; i += 2) {
                long bits = random.nextLong();
                sum += values[(int) (((bits >>> 32) * size) >>> 32)];
                sum += values[(int) (((bits & 0xFFFFFFFFL) * size) >>> 32)];
            }
            if (i < n) {
                sum += values[(int) (((random.nextLong() >>> 32) * size) >>> 32)];
            }
            means[r] = sum / n;
        }
        Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        percentile.setData(means);
        double alpha = (1 - CONFIDENCE) / 2 * 100;
        return new double[]{percentile.evaluate(alpha), percentile.evaluate(100 - alpha)};
    }
}
