package org.charter.constitution;

import org.charter.problem.Problem;

import java.util.Locale;

/**
 * How principles are chosen from a conversation's analysis (see docs/constitution.md, "Selection"). Every threshold
 * is checked when the record is built, so an out-of-range value never reaches the selection.
 *
 * @param minGroupAgreement a statement becomes a principle only if, in <em>every</em> opinion group, the share of the
 *                          group's votes on it that are "agree" (agree / (agree + disagree + pass) among the group's
 *                          members who voted, as the Collective Constitutional AI authors computed it) is strictly
 *                          above this. Default 0.6; at least 0.5 (a majority of every group) and below 1.
 * @param minGroupVotes     votes each group must have cast on the statement for its share to count as evidence.
 *                          Default 5; at least 1.
 * @param minBridging       when not null, principles also need a bridging score at least this high (in [−1, 1]);
 *                          default null (bridging is reported as a second view, not required)
 * @param rankBy            order of the principles: by group-informed consensus (default) or by bridging score
 * @param mergeThreshold    statements whose text similarity (cosine of character n-gram TF-IDF vectors) is at least
 *                          this, pairwise within a group (complete linkage), are merged into one principle. Default
 *                          0.8; in (0, 1], where 1 merges only texts identical after normalization.
 */
public record SelectionParameters(double minGroupAgreement, int minGroupVotes, Double minBridging, RankBy rankBy,
                                  double mergeThreshold) {

    /** The order of the principles. */
    public enum RankBy {
        /** Group-informed consensus, ∏ over groups of (A + 1)/(S + 2) (polis-math.md §6.1). */
        CONSENSUS,
        /** The bridging score (the statement intercept of the Community Notes model, polis-math.md §13). */
        BRIDGING;

        /** Parses {@code consensus} or {@code bridging} (any case); the error names {@code where}. */
        public static RankBy parse(String value, String where) {
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw Problem.invalid(where, "must be 'consensus' or 'bridging', found '" + value + "'");
            }
        }
    }

    public static final double DEFAULT_MIN_GROUP_AGREEMENT = 0.6;
    public static final int DEFAULT_MIN_GROUP_VOTES = 5;
    public static final double DEFAULT_MERGE_THRESHOLD = 0.8;

    /** The defaults. */
    public static final SelectionParameters DEFAULTS = new SelectionParameters(DEFAULT_MIN_GROUP_AGREEMENT,
            DEFAULT_MIN_GROUP_VOTES, null, RankBy.CONSENSUS, DEFAULT_MERGE_THRESHOLD);

    public SelectionParameters {
        if (!(minGroupAgreement >= 0.5 && minGroupAgreement < 1)) {
            throw Problem.invalid("minGroupAgreement", "must be at least 0.5 (a majority of every group) and below 1,"
                    + " found " + minGroupAgreement);
        }
        if (minGroupVotes < 1) {
            throw Problem.invalid("minGroupVotes", "must be at least 1, found " + minGroupVotes);
        }
        if (minBridging != null && !(minBridging >= -1 && minBridging <= 1)) {
            throw Problem.invalid("minBridging", "must be between -1 and 1, found " + minBridging);
        }
        if (rankBy == null) {
            rankBy = RankBy.CONSENSUS;
        }
        if (!(mergeThreshold > 0 && mergeThreshold <= 1)) {
            throw Problem.invalid("mergeThreshold", "must be above 0 and at most 1, found " + mergeThreshold);
        }
    }

    /** The defaults with each given value replacing its default (null keeps the default). */
    public static SelectionParameters of(Double minGroupAgreement, Integer minGroupVotes, Double minBridging,
                                         RankBy rankBy, Double mergeThreshold) {
        return new SelectionParameters(minGroupAgreement == null ? DEFAULT_MIN_GROUP_AGREEMENT : minGroupAgreement,
                minGroupVotes == null ? DEFAULT_MIN_GROUP_VOTES : minGroupVotes, minBridging,
                rankBy == null ? RankBy.CONSENSUS : rankBy,
                mergeThreshold == null ? DEFAULT_MERGE_THRESHOLD : mergeThreshold);
    }
}
