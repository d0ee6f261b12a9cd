package org.charter.analysis;

import org.apache.commons.math3.distribution.NormalDistribution;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The proportion tests of Polis's repness and consensus (polis-math.md §5.1), computed with the same rounding
 * as Polis so that results agree to the last bit: Polis (Clojure) keeps count ratios as exact fractions and turns
 * them into doubles through 16 significant decimal digits ({@code Ratio.doubleValue}); {@link #ratio} does the
 * same.
 */
final class PolisStats {

    private PolisStats() {
    }

    /**
     * The one-sided significance threshold Polis uses: Φ⁻¹(confidence) rounded to four decimals, as in Polis's
     * {@code z-sig-90?} (1.2816 for 90 %). Φ⁻¹ is Commons Math's normal quantile.
     */
    static double zThreshold(double confidence) {
        double z = new NormalDistribution(0, 1).inverseCumulativeProbability(confidence);
        return Math.round(z * 1e4) / 1e4;
    }

    /** The exact fraction num/den as Polis turns it into a double (16 significant decimal digits). */
    static double ratio(long num, long den) {
        if (num % den == 0) {
            return (double) (num / den);
        }
        return new BigDecimal(num).divide(new BigDecimal(den), MathContext.DECIMAL64).doubleValue();
    }

    /** Laplace-smoothed probability (n + 1) / (trials + 2): {@code pa}, {@code pd} (§5.1). */
    static double smoothed(long n, long trials) {
        return ratio(n + 1, trials + 2);
    }

    /**
     * One-proportion test against 1/2 with pseudo-counts (§5.1, Polis {@code prop-test}):
     * {@code 2·√(n+1)·((succ+1)/(n+1) − 0.5)}.
     */
    static double propTest(long successes, long trials) {
        long s = successes + 1;
        long n = trials + 1;
        return 2 * Math.sqrt(n) * (ratio(s, n) + -0.5);
    }

    /**
     * Two-proportion z-test with every count incremented by one (§5.1, Polis {@code two-prop-test}); 0 when the
     * pooled proportion is 1.
     */
    static double twoPropTest(long successesIn, long successesOut, long trialsIn, long trialsOut) {
        long s1 = successesIn + 1;
        long s2 = successesOut + 1;
        long n1 = trialsIn + 1;
        long n2 = trialsOut + 1;
        long s = s1 + s2;
        long n = n1 + n2;
        if (s == n) {
            return 0;
        }
        // π1 − π2 = (s1·n2 − s2·n1) / (n1·n2);  π̂(1 − π̂)(1/n1 + 1/n2) = s(n − s) / (n·n1·n2).
        double difference = ratio(s1 * n2 - s2 * n1, n1 * n2);
        double variance = ratio(s * (n - s), n * n1 * n2);
        return difference / Math.sqrt(variance);
    }

    /** Representativeness ratio (§5.1): in-group probability over the out-group's smoothed rate. */
    static double repness(long nIn, long trialsIn, long nOut, long trialsOut) {
        // ((n_in+1)/(t_in+2)) / ((1+n_out)/(2+t_out)), kept exact as Polis does.
        return ratio((nIn + 1) * (2 + trialsOut), (trialsIn + 2) * (1 + nOut));
    }
}
