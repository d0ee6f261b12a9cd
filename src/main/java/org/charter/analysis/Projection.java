package org.charter.analysis;

/**
 * Where participants and statements sit on the 2-D opinion map (polis-math.md §2.4–§2.5).
 */
final class Projection {

    private Projection() {
    }

    /**
     * Sparsity-aware projection of every participant (§2.4): {@code p = Σ (x − μ)·(w₁, w₂)} over the statements the
     * participant voted on, scaled by {@code √(C / n)}, where C counts every column and n counts the participant's
     * votes on included statements plus every excluded column (Polis zeroes excluded columns for everybody, so
     * they count as seen). Without the scaling, people who voted little would clump at the origin.
     *
     * @return {x[], y[]} indexed by matrix row
     */
    static double[][] participants(VoteMatrix m, Pca.Fit pca) {
        int rows = m.rows();
        double[] xs = new double[rows];
        double[] ys = new double[rows];
        double[] w1 = pca.comp1();
        double[] w2 = pca.comp2();
        double[] mean = m.mean;
        double columns = m.columns();
        for (int r = 0; r < rows; r++) {
            double p1 = 0;
            double p2 = 0;
            int n = m.excludedColumns;
            for (int k = m.rowStart[r]; k < m.rowStart[r + 1]; k++) {
                int c = m.col[k];
                if (m.excluded[c]) {
                    continue;
                }
                double a = m.value[k] - mean[c];
                p1 += a * w1[c];
                p2 += a * w2[c];
                n++;
            }
            double scale = Math.sqrt(columns / Math.max(n, 1));
            xs[r] = scale * p1;
            ys[r] = scale * p2;
        }
        return new double[][]{xs, ys};
    }

    /**
     * Each statement projected as a virtual participant who agreed with it alone (§2.5):
     * {@code q = √C · (1 − μ) · (w₁, w₂)}.
     *
     * @return {x[], y[]} indexed by matrix column
     */
    static double[][] statements(VoteMatrix m, Pca.Fit pca) {
        int columns = m.columns();
        double[] xs = new double[columns];
        double[] ys = new double[columns];
        double scale = Math.sqrt(columns);
        for (int c = 0; c < columns; c++) {
            double a = 1 - m.mean[c];
            xs[c] = scale * a * pca.comp1()[c];
            ys[c] = scale * a * pca.comp2()[c];
        }
        return new double[][]{xs, ys};
    }

    /**
     * Extremity (§2.5): the length of the statement's projection, {@code √C · |1 − μ| · ‖(w₁, w₂)‖}. High for
     * statements that load strongly on the opinion axes; 0 for excluded statements.
     */
    static double[] extremity(double[][] statementProjection) {
        double[] xs = statementProjection[0];
        double[] ys = statementProjection[1];
        double[] e = new double[xs.length];
        for (int c = 0; c < e.length; c++) {
            e[c] = Math.sqrt(xs[c] * xs[c] + ys[c] * ys[c]);
        }
        return e;
    }
}
