package org.charter.analysis;

/**
 * The method's parameters. {@link #POLIS} holds Polis's values (polis-math.md §2.1, §3, §5) plus Charter's own
 * choices, each named below; the defaults are what every run uses unless a caller needs otherwise.
 *
 * @param minVotes               votes a participant needs to be clustered, capped at the number of statements
 *                               (Polis: 7, §1.4)
 * @param inConversationFloor    the in-conversation set is topped up to this many participants (Polis: 15)
 * @param baseK                  base clusters (Polis: 100, §3.1)
 * @param baseIterations         k-means budget for base clusters (Polis: 100)
 * @param maxK                   most groups (Polis: 5, §3.3)
 * @param groupIterations        k-means budget for groups (Polis: 20, its effective value, §3.3)
 * @param groupKBuffer           updates a new best k must win in a row before it is shown (Polis: 4, §3.5)
 * @param pcaMaxIterations       at most this many products ĀᵀĀ·[v₁ v₂] per update (Charter's LOBPCG, see
 *                               {@link Pca}; Polis: 100 power iterations per component)
 * @param pcaTolerance           PCA stops when each residual ‖ĀᵀĀv − θv‖ is below this fraction of the first
 *                               eigenvalue (Charter: 1e-13, i.e. converged; Polis stops on an exactly repeated
 *                               eigenvalue)
 * @param confidence             one-sided confidence of the significance tests (Polis: 0.90, §5.1)
 * @param representativeCount    representative statements per group (Polis: 5)
 * @param majorityCount          statements per majority list (Polis: 5, §6.2)
 * @param minGroupedParticipants Charter: opinion groups are reported only when at least this many participants
 *                               are placed; below it, groups of a handful of people say nothing and the result
 *                               carries a note instead (the clustering still runs, so the state evolves as in
 *                               Polis). Default 15, the size Polis tops its in-conversation set up to.
 * @param bridging               the bridging model's parameters ({@link Bridging})
 * @param seed                   seed of every random choice (the state keeps the one it started with)
 */
public record AnalysisParameters(int minVotes, int inConversationFloor, int baseK, int baseIterations, int maxK,
                                 int groupIterations, int groupKBuffer, int pcaMaxIterations, double pcaTolerance,
                                 double confidence, int representativeCount, int majorityCount,
                                 int minGroupedParticipants, BridgingParameters bridging, long seed) {

    /**
     * The bridging model's parameters (see {@link Bridging}; Community Notes' values by default).
     *
     * @param interceptLambda       λ_i on intercepts (0.15)
     * @param factorLambda          λ_f on factors (0.03)
     * @param minParticipantRatings agree/disagree votes a participant needs to take part (10)
     * @param minStatementRatings   ratings a statement needs to be scored (5)
     * @param maxIterations         alternating sweeps at most (200)
     * @param tolerance             stop when the loss improves by less than this (1e-7)
     */
    public record BridgingParameters(double interceptLambda, double factorLambda, int minParticipantRatings,
                                     int minStatementRatings, int maxIterations, double tolerance) {

        public static final BridgingParameters COMMUNITY_NOTES = new BridgingParameters(0.15, 0.03, 10, 5, 200, 1e-7);
    }

    /** Polis's parameters and Charter's defaults. */
    public static final AnalysisParameters POLIS = new AnalysisParameters(7, 15, 100, 100, 5, 20, 4, 100, 1e-13,
            0.90, 5, 5, 15, BridgingParameters.COMMUNITY_NOTES, 0x5EED_C4A7E5L);

    /** The significance threshold: Φ⁻¹(confidence) rounded as Polis does (1.2816 at 90 %). */
    public double zThreshold() {
        return PolisStats.zThreshold(confidence);
    }

    /** The same parameters with another minimum for reporting groups. */
    public AnalysisParameters withMinGroupedParticipants(int min) {
        return new AnalysisParameters(minVotes, inConversationFloor, baseK, baseIterations, maxK, groupIterations,
                groupKBuffer, pcaMaxIterations, pcaTolerance, confidence, representativeCount, majorityCount, min,
                bridging, seed);
    }
}
