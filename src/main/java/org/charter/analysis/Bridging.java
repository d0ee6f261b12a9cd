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

    /** Ratings per part below which splitting a sweep does not pay. */
    private static final int PARALLEL_RATINGS = 100_000;

    static Fit fit(VoteMatrix m, AnalysisParameters.BridgingParameters p, long seed) {
        int rows = m.rows();
        int columns = m.columns();
        // Who takes part: raters with enough agree/disagree votes on included statements, then the statements
        // with enough ratings from them.
        boolean[] rater = new boolean[rows];
        int[] statementRatings = new int[columns];
        int raters = 0;
        for (int r = 0; r < rows; r++) {
            int count = 0;
            for (int k = m.rowStart[r]; k < m.rowStart[r + 1]; k++) {
                if (m.value[k] != 0 && !m.excluded[m.col[k]]) {
                    count++;
                }
            }
            if (count >= p.minParticipantRatings()) {
                rater[r] = true;
                raters++;
                for (int k = m.rowStart[r]; k < m.rowStart[r + 1]; k++) {
                    if (m.value[k] != 0 && !m.excluded[m.col[k]]) {
                        statementRatings[m.col[k]]++;
                    }
                }
            }
        }
        boolean[] scored = new boolean[columns];
        int statements = 0;
        long n = 0;
        for (int c = 0; c < columns; c++) {
            scored[c] = statementRatings[c] >= p.minStatementRatings();
            if (scored[c]) {
                statements++;
                n += statementRatings[c];
            }
        }
        double[] iS = new double[columns];
        double[] fS = new double[columns];
        if (n == 0) {
            return new Fit(scored, iS, fS, 0, 0);
        }
        // The ratings in compressed rows: rater i has ratings start[i] .. start[i+1]-1 (column, 1 or 0).
        int[] start = new int[raters + 1];
        int[] col = new int[(int) n];
        byte[] rating = new byte[(int) n];
        double sumRatings = 0;
        int at = 0;
        int i0 = 0;
        for (int r = 0; r < rows; r++) {
            if (!rater[r]) {
                continue;
            }
            start[i0++] = at;
            for (int k = m.rowStart[r]; k < m.rowStart[r + 1]; k++) {
                int c = m.col[k];
                if (m.value[k] != 0 && scored[c]) {
                    col[at] = c;
                    rating[at] = (byte) (m.value[k] > 0 ? 1 : 0);
                    sumRatings += rating[at];
                    at++;
                }
            }
        }
        start[raters] = at;
        int participants = raters;
        double[] iP = new double[participants];
        double[] fP = new double[participants];
        SplittableRandom random = new SplittableRandom(seed);
        for (int c = 0; c < columns; c++) {
            fS[c] = scored[c] ? (random.nextDouble() - 0.5) * 0.2 : 0;
        }
        for (int i = 0; i < participants; i++) {
            fP[i] = (random.nextDouble() - 0.5) * 0.2;
        }
        // The loss times N: a ridge strength per parameter (a mean over parameters becomes N/U or N/S).
        double rhoMu = n * p.interceptLambda();
        double rhoIP = (double) n * p.interceptLambda() / participants;
        double rhoFP = (double) n * p.factorLambda() / participants;
        double rhoIS = (double) n * p.interceptLambda() / statements;
        double rhoFS = (double) n * p.factorLambda() / statements;
        double mu = sumRatings / (n + rhoMu);

        int[] bounds = Parallel.split(start, participants, PARALLEL_RATINGS);
        int parts = bounds.length - 1;
        // Per part and column, interleaved so each rating touches one cache line: the sums a statement's solve
        // needs, Σf_p, Σf_p², Σ(r − i_p), Σf_p·(r − i_p) (μ is subtracted afterwards: it is the same for all).
        double[][] accumulators = new double[parts][4 * columns];
        // Per column (f_s, i_s), for the participants' solves.
        double[] statementParams = new double[2 * columns];
        double[][] sums = new double[parts][5];
        // The statement sums for the first sweep, from the starting participant factors.
        Parallel.run(parts, part -> {
            double[] acc = accumulators[part];
            for (int i = bounds[part]; i < bounds[part + 1]; i++) {
                double f = fP[i];
                for (int k = start[i]; k < start[i + 1]; k++) {
                    int slot = col[k] << 2;
                    double e = rating[k] - iP[i];
                    acc[slot] += f;
                    acc[slot + 1] += f * f;
                    acc[slot + 2] += e;
                    acc[slot + 3] += f * e;
                }
            }
        });
        double previous = Double.POSITIVE_INFINITY;
        int iteration = 0;
        while (iteration < p.maxIterations()) {
            iteration++;
            // Statements: each (i_s, f_s) solves its 2 × 2 ridge system given the participants.
            for (int c = 0; c < columns; c++) {
                if (scored[c]) {
                    double sf = 0;
                    double sff = 0;
                    double se = 0;
                    double sfe = 0;
                    for (int part = 0; part < parts; part++) {
                        double[] acc = accumulators[part];
                        sf += acc[4 * c];
                        sff += acc[4 * c + 1];
                        se += acc[4 * c + 2];
                        sfe += acc[4 * c + 3];
                    }
                    se -= statementRatings[c] * mu;
                    sfe -= sf * mu;
                    double a = statementRatings[c] + rhoIS;
                    double d = sff + rhoFS;
                    double det = a * d - sf * sf;
                    iS[c] = (d * se - sf * sfe) / det;
                    fS[c] = (a * sfe - sf * se) / det;
                    statementParams[2 * c] = fS[c];
                    statementParams[2 * c + 1] = iS[c];
                }
            }
            // Participants: each (i_p, f_p) given the statements. The same pass sums what μ and the loss need,
            // and, with the new (i_p, f_p), the statement sums of the next sweep.
            double muNow = mu;
            Parallel.run(parts, part -> {
                double[] acc = accumulators[part];
                java.util.Arrays.fill(acc, 0);
                double squared = 0;
                double interceptSum = 0;
                double factorProduct = 0;
                double ip2 = 0;
                double fp2 = 0;
                for (int i = bounds[part]; i < bounds[part + 1]; i++) {
                    double count = start[i + 1] - start[i];
                    double s1 = 0;
                    double s2 = 0;
                    double e0 = 0;
                    double e1 = 0;
                    double ee = 0;
                    for (int k = start[i]; k < start[i + 1]; k++) {
                        int slot = col[k] << 1;
                        double f = statementParams[slot];
                        double e = rating[k] - muNow - statementParams[slot + 1];
                        s1 += f;
                        s2 += f * f;
                        e0 += e;
                        e1 += f * e;
                        ee += e * e;
                    }
                    double a = count + rhoIP;
                    double d = s2 + rhoFP;
                    double det = a * d - s1 * s1;
                    double ip = (d * e0 - s1 * e1) / det;
                    double fp = (a * e1 - s1 * e0) / det;
                    iP[i] = ip;
                    fP[i] = fp;
                    // Σ (e − i_p − f_p·f_s)² expanded over the sums above.
                    squared += ee - 2 * ip * e0 - 2 * fp * e1 + count * ip * ip + 2 * ip * fp * s1 + fp * fp * s2;
                    interceptSum += count * ip;
                    factorProduct += fp * s1;
                    ip2 += ip * ip;
                    fp2 += fp * fp;
                    double fpp = fp * fp;
                    for (int k = start[i]; k < start[i + 1]; k++) {
                        int slot = col[k] << 2;
                        double e = rating[k] - ip;
                        acc[slot] += fp;
                        acc[slot + 1] += fpp;
                        acc[slot + 2] += e;
                        acc[slot + 3] += fp * e;
                    }
                }
                double[] out = sums[part];
                out[0] = squared;
                out[1] = interceptSum;
                out[2] = factorProduct;
                out[3] = ip2;
                out[4] = fp2;
            });
            double squared = 0;
            double interceptSum = 0;
            double factorProduct = 0;
            double ip2 = 0;
            double fp2 = 0;
            for (double[] part : sums) {
                squared += part[0];
                interceptSum += part[1];
                factorProduct += part[2];
                ip2 += part[3];
                fp2 += part[4];
            }
            double is2 = 0;
            double fs2 = 0;
            double statementIntercepts = 0;
            for (int c = 0; c < columns; c++) {
                if (scored[c]) {
                    is2 += iS[c] * iS[c];
                    fs2 += fS[c] * fS[c];
                    statementIntercepts += statementRatings[c] * iS[c];
                }
            }
            double loss = squared / n + p.interceptLambda() * (mu * mu + ip2 / participants + is2 / statements)
                    + p.factorLambda() * (fp2 / participants + fs2 / statements);
            // μ in closed form given everything else.
            mu = (sumRatings - interceptSum - statementIntercepts - factorProduct) / (n + rhoMu);
            if (previous - loss < p.tolerance()) {
                break;
            }
            previous = loss;
        }
        return new Fit(scored, iS, fS, mu, iteration);
    }
}
