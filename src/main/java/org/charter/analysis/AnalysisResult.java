package org.charter.analysis;

import java.util.List;
import java.util.Map;

/**
 * The analysis of a conversation at one moment: opinion groups, the map, representative, consensus, bridging and
 * divisive statements, and per-statement numbers for dashboards and routing. Serializes with Jackson to the
 * {@code analyze} JSON contract; ids are the caller's participant and statement ids; map keys are ids as text.
 *
 * @param participants    participants with at least one vote (all are counted, placed or not)
 * @param statements      statements with at least one vote, moderated-out ones included (the matrix columns)
 * @param votes           votes used: the latest vote of each participant on each statement
 * @param inConversation  participants eligible for groups (the persisted in-conversation set, §1.4)
 * @param note            why there are no groups, or null when there are
 * @param groups          the opinion groups, by id; empty when there are none (see {@code note})
 * @param participantGroups participant id → group id for every placed participant
 * @param projection      participant id → [x, y] on the opinion map, for every participant (§2.4)
 * @param consensus       group-informed consensus of the included statements, best first (§6.1); empty without
 *                        groups
 * @param bridging        the bridging score (Community-Notes-style statement intercept) of each statement with
 *                        enough ratings, best first
 * @param divisive        included statements by divisiveness across groups, most divisive first; empty without
 *                        groups
 * @param majority        Polis's majority lists over all participants (§6.2)
 * @param statementStats  one entry per statement of the input (voted on or not), by id
 * @param tick            the update number that produced this result
 */
public record AnalysisResult(int participants, int statements, int votes, int inConversation, String note,
                             List<Group> groups, Map<Long, Integer> participantGroups,
                             Map<Long, double[]> projection, List<Scored> consensus, List<Scored> bridging,
                             List<Scored> divisive, Majority majority, List<StatementStats> statementStats,
                             long tick) {

    /**
     * An opinion group.
     *
     * @param id             the group's id (stable across updates; UIs show 0 as "A")
     * @param members        participant ids, ascending
     * @param center         the group's centre on the map
     * @param representative the group's representative statements, in Polis's order (§5.2)
     */
    public record Group(int id, List<Long> members, double[] center, List<Representative> representative) {
    }

    /**
     * A representative statement of a group (Polis's {@code repness} entry, §5).
     *
     * @param statementId        the statement
     * @param direction          {@code "agree"} or {@code "disagree"}: what the group does more than the others
     * @param probability        smoothed probability of that vote in the group ({@code p-success})
     * @param representativeness ratio of that probability to the other groups' rate ({@code repness})
     * @param zScore             two-proportion z of the group against the others ({@code repness-test})
     * @param pTest              one-proportion z of the vote within the group ({@code p-test})
     * @param nSuccess           votes in that direction in the group ({@code n-success})
     * @param nTrials            votes on the statement in the group ({@code n-trials})
     * @param bestAgree          the group's "best agree" statement, shown first ({@code best-agree})
     */
    public record Representative(long statementId, String direction, double probability, double representativeness,
                                 double zScore, double pTest, long nSuccess, long nTrials, boolean bestAgree) {
    }

    /** A statement with a score. */
    public record Scored(long statementId, double score) {
    }

    /**
     * Polis's majority ("consensus") lists (§6.2): statements most of everyone agrees, or disagrees, with.
     */
    public record Majority(List<MajorityStatement> agree, List<MajorityStatement> disagree) {
    }

    /**
     * A statement on a majority list.
     *
     * @param statementId the statement
     * @param probability smoothed probability of the vote ({@code p-success})
     * @param zScore      one-proportion z ({@code p-test})
     * @param nSuccess    votes in that direction
     * @param nTrials     votes on the statement
     */
    public record MajorityStatement(long statementId, double probability, double zScore, long nSuccess,
                                    long nTrials) {
    }

    /**
     * Vote counts.
     *
     * @param agree    agree votes
     * @param disagree disagree votes
     * @param pass     pass votes
     */
    public record Tally(long agree, long disagree, long pass) {
    }

    /**
     * Everything about one statement.
     *
     * @param statementId            the statement
     * @param moderatedOut           rejected by a moderator
     * @param meta                   a meta statement
     * @param votes                  all participants' latest votes
     * @param groupVotes             group id → the group's votes (§4); empty without groups
     * @param groupInformedConsensus ∏ over groups of (A + 1)/(S + 2) (§6.1), or null without groups
     * @param divisiveness           spread of the groups' stances ({@link Divisiveness}), or null without groups
     * @param bridging               the bridging score, or null when the statement has too few ratings
     * @param extremity              how strongly the statement loads on the map's axes (§2.5); 0 without votes
     * @param projection             the statement on the map (§2.5), or null without votes
     * @param priority               routing priority (§7.1): draw weight for showing it next
     */
    public record StatementStats(long statementId, boolean moderatedOut, boolean meta, Tally votes,
                                 Map<Integer, Tally> groupVotes, Double groupInformedConsensus, Double divisiveness,
                                 Double bridging, double extremity, double[] projection, double priority) {
    }
}
