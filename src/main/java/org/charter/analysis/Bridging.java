package org.charter.analysis;

import java.util.SplittableRandom;

/**
 * A bridging score per statement: the matrix-factorization model of Community Notes (polis-math.md §13; Wojcik
 * et al., "Birdwatch: Crowd Wisdom and Bridging Algorithms can Inform Understanding and Reduce the Spread of
 * Misinformation", 2022), applied to agree/disagree votes.
 *
 * <p>Each vote is a rating r = 1 (agree) or 0 (disagree); passes are not ratings (Community Notes has no pass) and
 * are left out, as are excluded statements. The model is {@code r̂ = μ + i_p + i_s + f_p·f_s} with one-dimensional
 * factors, fitted by minimizing Community Notes' loss: the mean squared error over ratings plus
 * {@code λ_i·(μ² + mean(i_p²) + mean(i_s²)) + λ_f·(mean(f_p²) + mean(f_s²))}, with λ_i = 0.15 and λ_f = 0.03 (the
 * intercepts are penalized five times more, so the factor must explain the opinion-aligned part of the votes
 * first). The statement intercept i_s is the bridging score: the agreement a statement earns that the opinion axis
 * f does not explain, i.e. agreement from both sides.
 *
 * <p>Community Notes minimizes the loss with full-batch Adam; here the same loss is minimized by exact
 * alternating updates (each statement's (i_s, f_s) and each participant's (i_p, f_p) solve a 2 × 2 ridge system
 * given the rest; μ in closed form), which lower the loss monotonically, need no learning rate and are
 * deterministic. Initialization: intercepts 0, μ the mean rating, factors uniform in ±0.1 from a seeded
 * generator. Stops when the loss improves by less than {@code tolerance} (Community Notes: 1e-7) or after
 * {@code maxIterations} sweeps. As in Community Notes, only participants with at least {@code minParticipantRatings}
 * ratings (10) take part, and statements need at least {@code minStatementRatings} ratings (5) from them to get a
 * score. Community Notes' further filters (rater helpfulness, status thresholds 0.40 / 0.5) are calibrated to its
 * data and are not applied; the score is reported as is.
 */
final class Bridging {

    /**
     * The fit.
     *
     * @param scored     per column: whether it has a score
     * @param intercept  per column: the bridging score i_s (0 when not scored)
     * @param factor     per column: f_s
     * @param mu         the global intercept
     * @param iterations sweeps used
     */
    record Fit(boolean[] scored, double[] intercept, double[] factor, double mu, int iterations) {
    }

    private Bridging() {
    }

    static Fit fit(VoteMatrix m, AnalysisParameters.BridgingParameters p, long seed) {
        int rows = m.rows();
        int columns = m.columns();
        // Who takes part.
        boolean[] rater = new boolean[rows];
        int[] statementRatings = new int[columns];
        for (int r = 0; r < rows; r++) {
            int count = 0;
            for (int k = m.rowStart[r]; k < m.rowStart[r + 1]; k++) {
                if (rated(m, k)) {
                    count++;
                }
            }
            rater[r] = count >= p.minParticipantRatings();
            if (rater[r]) {
                for (int k = m.rowStart[r]; k < m.rowStart[r + 1]; k++) {
                    if (rated(m, k)) {
                        statementRatings[m.col[k]]++;
                    }
                }
            }
        }
        boolean[] scored = new boolean[columns];
        int participants = 0;
        int statements = 0;
        long n = 0;
        for (int c = 0; c < columns; c++) {
            scored[c] = statementRatings[c] >= p.minStatementRatings();
            if (scored[c]) {
                statements++;
                n += statementRatings[c];
            }
        }
        for (int r = 0; r < rows; r++) {
            participants += rater[r] ? 1 : 0;
        }
        double[] iS = new double[columns];
        double[] fS = new double[columns];
        if (n == 0) {
            return new Fit(scored, iS, fS, 0, 0);
        }
        double[] iP = new double[rows];
        double[] fP = new double[rows];
        SplittableRandom random = new SplittableRandom(seed);
        for (int c = 0; c < columns; c++) {
            fS[c] = scored[c] ? (random.nextDouble() - 0.5) * 0.2 : 0;
        }
        for (int r = 0; r < rows; r++) {
            fP[r] = rater[r] ? (random.nextDouble() - 0.5) * 0.2 : 0;
        }
        // The loss times N: ridge strengths per parameter (the mean over parameters becomes N/U or N/S).
        double rhoMu = n * p.interceptLambda();
        double rhoIP = (double) n * p.interceptLambda() / participants;
        double rhoFP = (double) n * p.factorLambda() / participants;
        double rhoIS = (double) n * p.interceptLambda() / statements;
        double rhoFS = (double) n * p.factorLambda() / statements;

        double sum = 0;
        for (int r = 0; r < rows; r++) {
            if (rater[r]) {
                for (int k = m.rowStart[r]; k < m.rowStart[r + 1]; k++) {
                    if (counts(m, k, scored)) {
                        sum += m.value[k] > 0 ? 1 : 0;
                    }
                }
            }
        }
        double mu = sum / (n + rhoMu);
        double[] cnt = new double[columns];
        double[] sf = new double[columns];
        double[] sff = new double[columns];
        double[] se = new double[columns];
        double[] sfe = new double[columns];
        double previous = Double.POSITIVE_INFINITY;
        int iteration = 0;
        while (iteration < p.maxIterations()) {
            iteration++;
            // Statements: solve for (i_s, f_s) given participants.
            java.util.Arrays.fill(cnt, 0);
            java.util.Arrays.fill(sf, 0);
            java.util.Arrays.fill(sff, 0);
            java.util.Arrays.fill(se, 0);
            java.util.Arrays.fill(sfe, 0);
            for (int r = 0; r < rows; r++) {
                if (!rater[r]) {
                    continue;
                }
                double f = fP[r];
                double base = mu + iP[r];
                for (int k = m.rowStart[r]; k < m.rowStart[r + 1]; k++) {
                    if (counts(m, k, scored)) {
                        int c = m.col[k];
                        double e = (m.value[k] > 0 ? 1 : 0) - base;
                        cnt[c] += 1;
                        sf[c] += f;
                        sff[c] += f * f;
                        se[c] += e;
                        sfe[c] += f * e;
                    }
                }
            }
            for (int c = 0; c < columns; c++) {
                if (scored[c]) {
                    double[] x = solve(cnt[c] + rhoIS, sf[c], sff[c] + rhoFS, se[c], sfe[c]);
                    iS[c] = x[0];
                    fS[c] = x[1];
                }
            }
            // Participants: solve for (i_p, f_p) given statements; then μ.
            double muSum = 0;
            for (int r = 0; r < rows; r++) {
                if (!rater[r]) {
                    continue;
                }
                double c0 = 0;
                double s1 = 0;
                double s2 = 0;
                double e0 = 0;
                double e1 = 0;
                for (int k = m.rowStart[r]; k < m.rowStart[r + 1]; k++) {
                    if (counts(m, k, scored)) {
                        int c = m.col[k];
                        double f = fS[c];
                        double e = (m.value[k] > 0 ? 1 : 0) - mu - iS[c];
                        c0 += 1;
                        s1 += f;
                        s2 += f * f;
                        e0 += e;
                        e1 += f * e;
                    }
                }
                double[] x = solve(c0 + rhoIP, s1, s2 + rhoFP, e0, e1);
                iP[r] = x[0];
                fP[r] = x[1];
                for (int k = m.rowStart[r]; k < m.rowStart[r + 1]; k++) {
                    if (counts(m, k, scored)) {
                        int c = m.col[k];
                        muSum += (m.value[k] > 0 ? 1 : 0) - iP[r] - iS[c] - fP[r] * fS[c];
                    }
                }
            }
            mu = muSum / (n + rhoMu);
            double loss = loss(m, rater, scored, mu, iP, fP, iS, fS, n, participants, statements, p);
            if (previous - loss < p.tolerance()) {
                break;
            }
            previous = loss;
        }
        return new Fit(scored, iS, fS, mu, iteration);
    }

    /** Community Notes' loss: mean squared error plus the mean-square penalties. */
    static double loss(VoteMatrix m, boolean[] rater, boolean[] scored, double mu, double[] iP, double[] fP,
                       double[] iS, double[] fS, long n, int participants, int statements,
                       AnalysisParameters.BridgingParameters p) {
        double squared = 0;
        double ip2 = 0;
        double fp2 = 0;
        for (int r = 0; r < m.rows(); r++) {
            if (!rater[r]) {
                continue;
            }
            ip2 += iP[r] * iP[r];
            fp2 += fP[r] * fP[r];
            for (int k = m.rowStart[r]; k < m.rowStart[r + 1]; k++) {
                if (counts(m, k, scored)) {
                    int c = m.col[k];
                    double e = (m.value[k] > 0 ? 1 : 0) - mu - iP[r] - iS[c] - fP[r] * fS[c];
                    squared += e * e;
                }
            }
        }
        double is2 = 0;
        double fs2 = 0;
        for (int c = 0; c < iS.length; c++) {
            if (scored[c]) {
                is2 += iS[c] * iS[c];
                fs2 += fS[c] * fS[c];
            }
        }
        return squared / n + p.interceptLambda() * (mu * mu + ip2 / participants + is2 / statements)
                + p.factorLambda() * (fp2 / participants + fs2 / statements);
    }

    /** An agree or disagree vote on an included statement (passes are not ratings). */
    private static boolean rated(VoteMatrix m, int k) {
        return m.value[k] != 0 && !m.excluded[m.col[k]];
    }

    private static boolean counts(VoteMatrix m, int k, boolean[] scored) {
        return m.value[k] != 0 && scored[m.col[k]];
    }

    /** Solves [[a, b], [b, d]]·x = [e, f] (positive definite: a, d include ridge terms). */
    private static double[] solve(double a, double b, double d, double e, double f) {
        double det = a * d - b * b;
        return new double[]{(d * e - b * f) / det, (a * f - b * e) / det};
    }
}
