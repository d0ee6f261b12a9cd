package org.charter.opinions;

/**
 * Jensen–Shannon distance between two answer distributions, as in Durmus et al. 2023 (GlobalOpinionQA), their similarity metric:
 * similarity = 1 − JSD(P_model, P_country).
 * <p>
 * Both vectors are first normalized to sum 1 (scipy's {@code jensenshannon} does the same). With M = (P + Q) / 2,
 * the divergence is D = ½ Σ p_i ln(p_i / m_i) + ½ Σ q_i ln(q_i / m_i) (terms with p_i = 0 count 0), divided by
 * ln(base); the distance is √D. In base 2 it lies in [0, 1].
 */
public final class JensenShannon {

    private JensenShannon() {
    }

    /** The distance; NaN when either vector sums to 0 (nothing to compare). Entries must be finite and ≥ 0. */
    public static double distance(double[] p, double[] q, LogBase base) {
        if (p.length != q.length) {
            throw new IllegalArgumentException("distributions of different lengths: " + p.length + " and " + q.length);
        }
        double sp = 0;
        double sq = 0;
        for (int i = 0; i < p.length; i++) {
            sp += p[i];
            sq += q[i];
        }
        if (!(sp > 0) || !(sq > 0)) {
            return Double.NaN;
        }
        double divergence = 0;
        for (int i = 0; i < p.length; i++) {
            double pi = p[i] / sp;
            double qi = q[i] / sq;
            double m = (pi + qi) / 2;
            if (m > 0) {
                divergence += m * pairTerm(pi, qi);
            }
        }
        divergence = divergence / 2 / base.lnBase();
        return Math.sqrt(Math.max(0, divergence)); // rounding can make a zero divergence slightly negative
    }

    /**
     * p ln(p/m) + q ln(q/m) divided by m = (p+q)/2, written with x = (p−q)/(p+q) as (1+x) ln(1+x) + (1−x) ln(1−x).
     * For nearly equal shares the series x² + x⁴/6 + x⁶/15 avoids the rounding noise of the plain form, which the
     * square root would magnify (identical distributions must have similarity exactly 1).
     */
    private static double pairTerm(double p, double q) {
        double x = (p - q) / (p + q);
        if (Math.abs(x) < 1e-4) {
            double x2 = x * x;
            return x2 * (1 + x2 / 6 + x2 * x2 / 15);
        }
        return (p > 0 ? (1 + x) * Math.log1p(x) : 0) + (q > 0 ? (1 - x) * Math.log1p(-x) : 0);
    }

    /** 1 − {@link #distance}: 1 for identical distributions, 0 for disjoint ones (base 2). */
    public static double similarity(double[] p, double[] q, LogBase base) {
        return 1 - distance(p, q, base);
    }
}
