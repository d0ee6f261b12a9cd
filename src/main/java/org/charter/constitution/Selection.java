package org.charter.constitution;

import org.charter.analysis.AnalysisResult;
import org.charter.problem.Problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which statements can become principles (docs/constitution.md, "Selection"). A statement is a candidate when it is
 * not moderated out, not a meta statement, every opinion group cast at least {@code minGroupVotes} votes on it, and in
 * every group the agree share — agree / (agree + disagree + pass) among the group's members who voted — is strictly
 * above {@code minGroupAgreement} (with {@code minBridging} set, its bridging score must also reach it). Group votes
 * are the analysis's per-group tallies (polis-math.md §4). Every other statement is excluded with its reason; the
 * statements one group supports (agree share above the threshold) and every other group rejects (more disagree than
 * agree votes) are minority views.
 */
public final class Selection {

    private Selection() {
    }

    /**
     * A statement that passed, with its evidence.
     *
     * @param statementId the statement
     * @param text        its text
     * @param groupVotes  group id → the group's votes (every group present)
     * @param votes       all votes on it
     * @param bridging    its bridging score, or null
     */
    public record Candidate(long statementId, String text, Map<Integer, Constitution.Tally> groupVotes, long votes,
                            Double bridging) {

        public Candidate {
            groupVotes = Map.copyOf(groupVotes);
        }

        public double consensus() {
            return groupInformedConsensus(groupVotes);
        }
    }

    /**
     * The outcome.
     *
     * @param groups        the group ids, ascending
     * @param candidates    candidate statements, in statement id order
     * @param excluded      every other statement with its reason, in statement id order
     * @param minorityViews by group, then by the group's agree share (highest first)
     */
    public record Outcome(List<Integer> groups, List<Candidate> candidates, List<Constitution.Excluded> excluded,
                          List<Constitution.MinorityView> minorityViews) {
    }

    /**
     * Group-informed consensus: ∏ over groups of (A_g + 1)/(S_g + 2), where A_g is the group's agree votes and S_g all
     * its votes on the statement (polis-math.md §6.1; Laplace-smoothed, so a group with no votes contributes ½).
     */
    public static double groupInformedConsensus(Map<Integer, Constitution.Tally> groupVotes) {
        double product = 1;
        for (Constitution.Tally t : groupVotes.values()) {
            product *= (t.agree() + 1.0) / (t.total() + 2.0);
        }
        return product;
    }

    /** Group id → agree share of the group's votes. */
    public static Map<Integer, Double> agreement(Map<Integer, Constitution.Tally> groupVotes) {
        Map<Integer, Double> rates = new TreeMap<>();
        groupVotes.forEach((g, t) -> rates.put(g, t.agreeRate()));
        return rates;
    }

    /**
     * Selects the candidates of an analysis.
     *
     * @param result the conversation's analysis; it must have opinion groups
     * @param texts  statement id → text (statements without a text are shown as "statement N")
     */
    public static Outcome select(AnalysisResult result, Map<Long, String> texts, SelectionParameters p) {
        if (result.groups().isEmpty()) {
            throw Problem.conflict("conversation", "the conversation has no opinion groups yet"
                    + (result.note() == null ? "" : " (" + result.note() + ")")
                    + ", so no statement can be shown to be agreed across groups");
        }
        List<Integer> groups = result.groups().stream().map(AnalysisResult.Group::id).sorted().toList();
        List<AnalysisResult.StatementStats> stats = new ArrayList<>(result.statementStats());
        stats.sort(Comparator.comparingLong(AnalysisResult.StatementStats::statementId));
        List<Candidate> candidates = new ArrayList<>();
        List<Constitution.Excluded> excluded = new ArrayList<>();
        List<Constitution.MinorityView> minority = new ArrayList<>();
        for (AnalysisResult.StatementStats s : stats) {
            long id = s.statementId();
            String text = texts.getOrDefault(id, "statement " + id);
            long votes = s.votes() == null ? 0 : s.votes().agree() + s.votes().disagree() + s.votes().pass();
            Map<Integer, Constitution.Tally> groupVotes = new TreeMap<>();
            for (int g : groups) {
                AnalysisResult.Tally t = s.groupVotes().get(g);
                groupVotes.put(g, t == null ? Constitution.Tally.NONE
                        : new Constitution.Tally(t.agree(), t.disagree(), t.pass()));
            }
            Map<Integer, Double> rates = votes == 0 ? Map.of() : agreement(groupVotes);
            if (s.moderatedOut()) {
                excluded.add(new Constitution.Excluded(List.of(id), null, "moderated-out",
                        "rejected by a moderator", rates, votes));
                continue;
            }
            if (s.meta()) {
                excluded.add(new Constitution.Excluded(List.of(id), text, "meta",
                        "a statement about the conversation itself", rates, votes));
                continue;
            }
            String fewVotes = fewVotes(groupVotes, p.minGroupVotes());
            if (fewVotes != null) {
                excluded.add(new Constitution.Excluded(List.of(id), text, "too-few-votes", fewVotes, rates, votes));
                continue;
            }
            addMinorityView(id, text, groupVotes, p.minGroupAgreement(), minority);
            String below = belowAgreement(groupVotes, p.minGroupAgreement());
            if (below != null) {
                excluded.add(new Constitution.Excluded(List.of(id), text, "below-agreement", below, rates, votes));
                continue;
            }
            if (p.minBridging() != null && (s.bridging() == null || s.bridging() < p.minBridging())) {
                excluded.add(new Constitution.Excluded(List.of(id), text, "below-bridging", s.bridging() == null
                        ? "no bridging score (too few ratings)"
                        : String.format(java.util.Locale.ROOT, "bridging score %.3f is below %.3f", s.bridging(),
                        p.minBridging()), rates, votes));
                continue;
            }
            candidates.add(new Candidate(id, text, groupVotes, votes, s.bridging()));
        }
        minority.sort(Comparator.comparingInt(Constitution.MinorityView::group)
                .thenComparing(m -> -m.groupAgreement().get(m.group()))
                .thenComparingLong(Constitution.MinorityView::statementId));
        return new Outcome(groups, candidates, excluded, minority);
    }

    /**
     * The evidence of any statement of the analysis, whether it passed the selection or not (for principles an
     * organizer composes); null when the analysis does not know the statement.
     */
    public static Candidate evidence(AnalysisResult result, long statementId, String text) {
        for (AnalysisResult.StatementStats s : result.statementStats()) {
            if (s.statementId() == statementId) {
                Map<Integer, Constitution.Tally> groupVotes = new TreeMap<>();
                for (AnalysisResult.Group g : result.groups()) {
                    AnalysisResult.Tally t = s.groupVotes().get(g.id());
                    groupVotes.put(g.id(), t == null ? Constitution.Tally.NONE
                            : new Constitution.Tally(t.agree(), t.disagree(), t.pass()));
                }
                long votes = s.votes() == null ? 0 : s.votes().agree() + s.votes().disagree() + s.votes().pass();
                return new Candidate(statementId, text, groupVotes, votes, s.bridging());
            }
        }
        return null;
    }

    private static String fewVotes(Map<Integer, Constitution.Tally> groupVotes, int min) {
        List<String> short_ = new ArrayList<>();
        groupVotes.forEach((g, t) -> {
            if (t.total() < min) {
                short_.add("group " + Constitution.groupLabel(g) + " cast " + t.total());
            }
        });
        return short_.isEmpty() ? null : String.join(", ", short_) + " of the " + min + " votes needed per group";
    }

    private static String belowAgreement(Map<Integer, Constitution.Tally> groupVotes, double min) {
        List<String> below = new ArrayList<>();
        groupVotes.forEach((g, t) -> {
            if (!(t.agreeRate() > min)) {
                below.add(String.format(java.util.Locale.ROOT, "group %s agreed %.1f%%", Constitution.groupLabel(g),
                        100 * t.agreeRate()));
            }
        });
        return below.isEmpty() ? null : String.join(", ", below)
                + String.format(java.util.Locale.ROOT, ", not above %.1f%%", 100 * min);
    }

    private static void addMinorityView(long id, String text, Map<Integer, Constitution.Tally> groupVotes,
                                        double min, List<Constitution.MinorityView> out) {
        if (groupVotes.size() < 2) {
            return;
        }
        for (Map.Entry<Integer, Constitution.Tally> e : groupVotes.entrySet()) {
            if (!(e.getValue().agreeRate() > min)) {
                continue;
            }
            boolean othersReject = true;
            for (Map.Entry<Integer, Constitution.Tally> o : groupVotes.entrySet()) {
                if (!o.getKey().equals(e.getKey()) && o.getValue().disagree() <= o.getValue().agree()) {
                    othersReject = false;
                }
            }
            if (othersReject) {
                Map<Integer, Double> disagreement = new TreeMap<>();
                groupVotes.forEach((g, t) -> disagreement.put(g, t.total() == 0 ? 0 : (double) t.disagree() / t.total()));
                out.add(new Constitution.MinorityView(id, text, e.getKey(), agreement(groupVotes), disagreement));
            }
        }
    }
}
