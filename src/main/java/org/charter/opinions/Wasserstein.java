package org.charter.opinions;

/**
 * Normalized 1-Wasserstein distance between two distributions over an ordinal scale, as in OpinionQA (Santurkar
 * et al. 2023, OpinionQA's "representativeness" = 1 − WD / max WD; their {@code helpers.py} uses
 * {@code scipy.stats.wasserstein_distance} on the {@code option_ordinal} positions and divides by the distance
 * between point masses on the two ends of the scale).
 * <p>
 * Options off the scale (NaN positions: don't know, refused…) are dropped and both distributions are renormalized
 * over the remaining options. With positions x sorted ascending and cumulative distributions F, G over them,
 * WD = Σ_k |F(x_k) − G(x_k)| (x_{k+1} − x_k); the maximum is x_max − x_min, so the normalized distance is in [0, 1].
 */
public final class Wasserstein {

    private Wasserstein() {
    }

    /** The normalized distance; NaN when either distribution has no mass on the scale. */
    public static double normalizedDistance(double[] p, double[] q, OrdinalScale scale) {
        if (p.length != q.length || p.length != scale.size()) {
            throw new IllegalArgumentException("distributions and scale must have one entry per option");
        }
        int n = p.length;
        int[] onScale = new int[n];
        int m = 0;
        double sp = 0;
        double sq = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(scale.position(i))) {
                // insertion sort by position: scales have a handful of points
                int k = m++;
                while (k > 0 && scale.position(onScale[k - 1]) > scale.position(i)) {
                    onScale[k] = onScale[k - 1];
                    k--;
                }
                onScale[k] = i;
                sp += p[i];
                sq += q[i];
            }
        }
        if (!(sp > 0) || !(sq > 0)) {
            return Double.NaN;
        }
        double distance = 0;
        double cp = 0;
        double cq = 0;
        for (int k = 0; k < m - 1; k++) {
            int i = onScale[k];
            cp += p[i] / sp;
            cq += q[i] / sq;
            distance += Math.abs(cp - cq) * (scale.position(onScale[k + 1]) - scale.position(i));
        }
        return distance / scale.span();
    }

    /** 1 − {@link #normalizedDistance}. */
    public static double similarity(double[] p, double[] q, OrdinalScale scale) {
        return 1 - normalizedDistance(p, q, scale);
    }
}
