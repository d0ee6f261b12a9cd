package org.charter.constitution;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A constitution with its provenance: the principles, what was left out and why, the views of single groups, the
 * parameters it was selected with and the conversation it came from. Built by {@link ConstitutionBuilder} from an
 * analysis (a draft) or read from a stored, curated version; every export renders this record. Serializes with
 * Jackson to the JSON contract (docs/constitution.md); group ids are map keys, so they appear as text.
 *
 * @param title         a heading for documents
 * @param principles    in order
 * @param excluded      statements that are not principles, each with the reason
 * @param minorityViews statements one group supports and every other group rejects
 * @param bridging      the second view: statements ranked by bridging score, best first
 * @param parameters    the selection parameters
 * @param source        the conversation and analysis the evidence comes from
 * @param version       the stored version, or null for a draft
 */
public record Constitution(String title, List<Principle> principles, List<Excluded> excluded,
                           List<MinorityView> minorityViews, List<BridgingRank> bridging,
                           SelectionParameters parameters, Source source, VersionInfo version) {

    public Constitution {
        Objects.requireNonNull(title, "title");
        principles = List.copyOf(principles);
        excluded = List.copyOf(excluded);
        minorityViews = List.copyOf(minorityViews);
        bridging = List.copyOf(bridging);
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(source, "source");
    }

    /** Agree, disagree and pass votes. */
    public record Tally(long agree, long disagree, long pass) {

        public static final Tally NONE = new Tally(0, 0, 0);

        public long total() {
            return agree + disagree + pass;
        }

        /** Agree share of the votes; 0 without votes. */
        public double agreeRate() {
            return total() == 0 ? 0 : (double) agree / total();
        }

        public Tally plus(Tally o) {
            return new Tally(agree + o.agree, disagree + o.disagree, pass + o.pass);
        }
    }

    /**
     * One principle.
     *
     * @param text           the principle as worded (by default the text of its best-supported statement)
     * @param cai            the Constitutional-AI phrasing ("Choose the response that …"), see {@link CaiRewrite}
     * @param statementIds   the statements behind it, the representative first
     * @param consensus      group-informed consensus of the summed votes, ∏ over groups (A + 1)/(S + 2)
     * @param bridging       the representative statement's bridging score, or null when it has none
     * @param groupAgreement group id → agree share of the group's summed votes on these statements
     * @param votes          all votes on these statements (every participant's, grouped or not)
     * @param groupVotes     group id → the group's summed votes
     * @param statements     each statement's own evidence, in the order of {@code statementIds}
     * @param note           the organizer's note, or null
     */
    public record Principle(String text, String cai, List<Long> statementIds, double consensus, Double bridging,
                            Map<Integer, Double> groupAgreement, long votes, Map<Integer, Tally> groupVotes,
                            List<Evidence> statements, String note) {

        public Principle {
            Objects.requireNonNull(text, "text");
            statementIds = List.copyOf(statementIds);
            groupAgreement = Map.copyOf(groupAgreement);
            groupVotes = Map.copyOf(groupVotes);
            statements = List.copyOf(statements);
        }

        /** The smallest group agreement: "agreed by at least this share of every group". */
        public double minGroupAgreement() {
            return groupAgreement.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
        }
    }

    /**
     * One statement behind a principle.
     *
     * @param statementId    the statement
     * @param text           its text as participants saw it
     * @param consensus      its group-informed consensus
     * @param bridging       its bridging score, or null
     * @param groupAgreement group id → agree share of the group's votes on it
     * @param votes          all votes on it
     * @param similarity     text similarity to the principle's representative statement (1 for the representative)
     */
    public record Evidence(long statementId, String text, double consensus, Double bridging,
                           Map<Integer, Double> groupAgreement, long votes, double similarity) {

        public Evidence {
            groupAgreement = Map.copyOf(groupAgreement);
        }
    }

    /**
     * Statements that are not principles.
     *
     * @param statementIds   the statements (one for the selection's exclusions; several for a principle an organizer
     *                       dropped)
     * @param text           the text; null for statements moderators rejected, which are never republished
     * @param reason         a code: moderated-out, meta, too-few-votes, below-agreement, below-bridging, dropped
     * @param detail         the reason in words (for dropped principles, the organizer's reason)
     * @param groupAgreement group id → agree share of the group's votes (empty when there are no votes)
     * @param votes          all votes on them
     */
    public record Excluded(List<Long> statementIds, String text, String reason, String detail,
                           Map<Integer, Double> groupAgreement, long votes) {

        public Excluded {
            statementIds = List.copyOf(statementIds);
            groupAgreement = Map.copyOf(groupAgreement);
        }
    }

    /**
     * A statement most of one group agrees with while every other group disagrees more than it agrees.
     *
     * @param statementId       the statement
     * @param text              its text
     * @param group             the group that supports it
     * @param groupAgreement    group id → agree share
     * @param groupDisagreement group id → disagree share
     */
    public record MinorityView(long statementId, String text, int group, Map<Integer, Double> groupAgreement,
                               Map<Integer, Double> groupDisagreement) {

        public MinorityView {
            groupAgreement = Map.copyOf(groupAgreement);
            groupDisagreement = Map.copyOf(groupDisagreement);
        }
    }

    /**
     * A statement in the bridging view.
     *
     * @param statementId the statement
     * @param score       its bridging score
     * @param principle   whether it is behind one of the principles
     */
    public record BridgingRank(long statementId, double score, boolean principle) {
    }

    /**
     * Where the evidence comes from.
     *
     * @param conversation  the conversation's name (slug, or export folder)
     * @param topic         its topic, or null when unknown
     * @param firstActivity the first statement or vote, or null when unknown
     * @param lastActivity  the last statement or vote, or null when unknown
     * @param participants  participants with at least one vote
     * @param statements    statements in the conversation
     * @param votes         votes (the latest of each participant on each statement)
     * @param groups        group id → members
     * @param analysis      how the groups were found
     */
    public record Source(String conversation, String topic, Instant firstActivity, Instant lastActivity,
                         int participants, int statements, long votes, Map<Integer, Integer> groups,
                         String analysis) {

        public Source {
            groups = Map.copyOf(groups);
        }
    }

    /**
     * A stored version.
     *
     * @param number      1, 2, … per conversation
     * @param createdAt   when it was saved
     * @param createdBy   who saved it (display name), or null
     * @param published   whether it is the conversation's published constitution
     * @param publishedAt when it was published, or null
     * @param note        the organizer's note on the version, or null
     */
    public record VersionInfo(int number, Instant createdAt, String createdBy, boolean published, Instant publishedAt,
                              String note) {
    }

    /** Group 0 is "A", 1 is "B", … as Polis shows them (polis-math.md §3.6). */
    public static String groupLabel(int group) {
        return group < 26 ? String.valueOf((char) ('A' + group)) : "G" + group;
    }
}
