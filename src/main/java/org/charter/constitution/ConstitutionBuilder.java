package org.charter.constitution;

import org.charter.analysis.AnalysisResult;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds a constitution from a conversation's analysis: {@link Selection} picks the candidate statements,
 * {@link NearDuplicates} groups those that say the same thing, and each group becomes one principle whose wording is
 * its best-ranked statement and whose evidence is the sum of its statements' votes. Pure: records in, records out.
 */
public final class ConstitutionBuilder {

    private ConstitutionBuilder() {
    }

    /**
     * The constitution of an analysed conversation.
     *
     * @param result the analysis (it must have opinion groups)
     * @param texts  statement id → text, for every statement of the conversation
     * @param p      selection parameters
     * @param source where the conversation comes from (see {@link #source})
     * @param title  the document title
     */
    public static Constitution build(AnalysisResult result, Map<Long, String> texts, SelectionParameters p,
                                     Constitution.Source source, String title) {
        Selection.Outcome outcome = Selection.select(result, texts, p);
        List<Selection.Candidate> ranked = new ArrayList<>(outcome.candidates());
        ranked.sort(rankOrder(p.rankBy()));
        TextVectors vectors = TextVectors.fit(corpus(result, texts));
        List<List<Integer>> groups = NearDuplicates.groups(ranked.stream().map(Selection.Candidate::text).toList(),
                vectors, p.mergeThreshold());
        List<Constitution.Principle> principles = new ArrayList<>();
        for (List<Integer> group : groups) {
            List<Selection.Candidate> members = group.stream().map(ranked::get).toList(); // best-ranked first
            principles.add(principle(members, vectors, outcome.groups()));
        }
        principles.sort(principleOrder(p.rankBy()));
        Set<Long> chosen = new HashSet<>();
        principles.forEach(pr -> chosen.addAll(pr.statementIds()));
        List<Constitution.BridgingRank> bridging = new ArrayList<>();
        for (AnalysisResult.StatementStats s : result.statementStats()) {
            if (s.bridging() != null && !s.moderatedOut() && !s.meta()) {
                bridging.add(new Constitution.BridgingRank(s.statementId(), s.bridging(), chosen.contains(s.statementId())));
            }
        }
        bridging.sort(Comparator.comparingDouble(Constitution.BridgingRank::score).reversed()
                .thenComparingLong(Constitution.BridgingRank::statementId));
        return new Constitution(title, principles, outcome.excluded(), outcome.minorityViews(), bridging, p, source,
                null);
    }

    /**
     * A principle as an organizer composed it: their wording, the statements behind it (the first is the one the
     * others' text similarity is measured against), and the evidence of those statements in the analysis, summed.
     *
     * @param result       the current analysis (it must have groups)
     * @param texts        statement id → text, for the conversation's statements
     * @param vectors      text vectors of the conversation ({@link #vectors})
     * @param statementIds the statements, in the organizer's order
     * @param text         the organizer's wording
     * @param cai          the organizer's CAI line, or null for the rewrite of {@code text}
     * @param note         the organizer's note, or null
     */
    public static Constitution.Principle curated(AnalysisResult result, Map<Long, String> texts, TextVectors vectors,
                                                 List<Long> statementIds, String text, String cai, String note) {
        List<Integer> groups = result.groups().stream().map(AnalysisResult.Group::id).sorted().toList();
        List<Selection.Candidate> members = new ArrayList<>();
        for (long id : statementIds) {
            Selection.Candidate c = Selection.evidence(result, id, texts.getOrDefault(id, "statement " + id));
            members.add(c != null ? c : new Selection.Candidate(id, texts.getOrDefault(id, "statement " + id),
                    zeroTallies(groups), 0, null));
        }
        Constitution.Principle merged = principle(members, vectors, groups);
        return new Constitution.Principle(text, cai == null || cai.isBlank() ? CaiRewrite.rewrite(text) : cai,
                merged.statementIds(), merged.consensus(), merged.bridging(), merged.groupAgreement(), merged.votes(),
                merged.groupVotes(), merged.statements(), note);
    }

    /** TF-IDF weights fitted on the conversation's statements that moderators did not reject. */
    public static TextVectors vectors(AnalysisResult result, Map<Long, String> texts) {
        return TextVectors.fit(corpus(result, texts));
    }

    private static Map<Integer, Constitution.Tally> zeroTallies(List<Integer> groups) {
        Map<Integer, Constitution.Tally> zero = new TreeMap<>();
        groups.forEach(g -> zero.put(g, Constitution.Tally.NONE));
        return zero;
    }

    /** The statements the TF-IDF weights are fitted on: every statement moderators did not reject. */
    private static List<String> corpus(AnalysisResult result, Map<Long, String> texts) {
        Set<Long> out = new HashSet<>();
        for (AnalysisResult.StatementStats s : result.statementStats()) {
            if (s.moderatedOut()) {
                out.add(s.statementId());
            }
        }
        List<String> corpus = new ArrayList<>();
        new TreeMap<>(texts).forEach((id, text) -> {
            if (!out.contains(id)) {
                corpus.add(text);
            }
        });
        return corpus;
    }

    private static Comparator<Selection.Candidate> rankOrder(SelectionParameters.RankBy by) {
        Comparator<Selection.Candidate> consensus = Comparator.comparingDouble(Selection.Candidate::consensus).reversed();
        Comparator<Selection.Candidate> primary = by == SelectionParameters.RankBy.BRIDGING
                ? Comparator.comparing(Selection.Candidate::bridging,
                Comparator.nullsLast(Comparator.<Double>reverseOrder())).thenComparing(consensus)
                : consensus;
        return primary.thenComparing(Comparator.comparingLong(Selection.Candidate::votes).reversed())
                .thenComparingLong(Selection.Candidate::statementId);
    }

    private static Comparator<Constitution.Principle> principleOrder(SelectionParameters.RankBy by) {
        Comparator<Constitution.Principle> consensus = Comparator.comparingDouble(Constitution.Principle::consensus)
                .reversed();
        Comparator<Constitution.Principle> primary = by == SelectionParameters.RankBy.BRIDGING
                ? Comparator.comparing(Constitution.Principle::bridging,
                Comparator.nullsLast(Comparator.<Double>reverseOrder())).thenComparing(consensus)
                : consensus;
        return primary.thenComparingLong(pr -> pr.statementIds().getFirst());
    }

    /** One principle from a group of near-duplicates (best-ranked first): summed votes, the first one's wording. */
    static Constitution.Principle principle(List<Selection.Candidate> members, TextVectors vectors, List<Integer> groups) {
        Selection.Candidate representative = members.getFirst();
        TextVectors.Vector rv = vectors.vector(representative.text());
        Map<Integer, Constitution.Tally> summed = new TreeMap<>();
        for (int g : groups) {
            summed.put(g, Constitution.Tally.NONE);
        }
        long votes = 0;
        List<Long> ids = new ArrayList<>();
        List<Constitution.Evidence> evidence = new ArrayList<>();
        for (Selection.Candidate c : members) {
            c.groupVotes().forEach((g, t) -> summed.merge(g, t, Constitution.Tally::plus));
            votes += c.votes();
            ids.add(c.statementId());
            double similarity = c == representative ? 1 : vectors.vector(c.text()).cosine(rv);
            evidence.add(new Constitution.Evidence(c.statementId(), c.text(), c.consensus(), c.bridging(),
                    Selection.agreement(c.groupVotes()), c.votes(), similarity));
        }
        return new Constitution.Principle(representative.text(), CaiRewrite.rewrite(representative.text()), ids,
                Selection.groupInformedConsensus(summed), representative.bridging(), Selection.agreement(summed), votes,
                summed, evidence, null);
    }

    /**
     * The source facts an analysis provides, with what the caller knows about the conversation.
     *
     * @param result        the analysis
     * @param conversation  its name
     * @param topic         its topic, or null
     * @param firstActivity first statement or vote, or null
     * @param lastActivity  last statement or vote, or null
     * @param statements    statements in the conversation
     * @param analysis      how the groups were found
     */
    public static Constitution.Source source(AnalysisResult result, String conversation, String topic,
                                             Instant firstActivity, Instant lastActivity, int statements,
                                             String analysis) {
        Map<Integer, Integer> groups = new TreeMap<>();
        for (AnalysisResult.Group g : result.groups()) {
            groups.put(g.id(), g.members().size());
        }
        return new Constitution.Source(conversation, topic, firstActivity, lastActivity, result.participants(),
                statements, result.votes(), groups, analysis);
    }
}
