package org.charter.constitution;

import org.charter.analysis.AnalysisInput;
import org.charter.analysis.AnalysisParameters;
import org.charter.analysis.AnalysisResult;
import org.charter.analysis.OpinionAnalysis;
import org.charter.analysis.Votes;
import org.charter.problem.Problem;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Selection, evidence and merging on a small conversation whose numbers are computed by hand. */
class SelectionTest {

    /**
     * Two given groups: participants 1–8 (group 0) and 11–18 (group 1). Statements:
     * 1 everyone agrees; 2 group 0: 6 agree, 1 disagree, 1 pass (75 %), group 1: 4 agree, 4 pass (50 %);
     * 3 group 0: 7 agree, 1 disagree, group 1: 1 agree, 6 disagree, 1 pass (minority view of group 0);
     * 4 moderated out (everyone agrees); 5 meta (everyone agrees); 6 group 1 cast only 3 votes;
     * 7 "The AI should always be honest." everyone agrees, except one pass in group 1 — a near-duplicate of 8;
     * 8 "AI should be honest" everyone agrees.
     */
    static AnalysisResult smallConversation() {
        Votes.Builder v = Votes.builder();
        Map<Long, Integer> groups = new HashMap<>();
        for (long p = 1; p <= 8; p++) {
            groups.put(p, 0);
            groups.put(p + 10, 1);
        }
        for (long p = 1; p <= 8; p++) {
            long q = p + 10;
            v.add(p, 1, 1).add(q, 1, 1);
            v.add(p, 2, p <= 6 ? 1 : p == 7 ? -1 : 0).add(q, 2, p <= 4 ? 1 : 0);
            v.add(p, 3, p <= 7 ? 1 : -1).add(q, 3, p == 1 ? 1 : p <= 7 ? -1 : 0);
            v.add(p, 4, 1).add(q, 4, 1);
            v.add(p, 5, 1).add(q, 5, 1);
            v.add(p, 6, 1);
            if (p <= 3) {
                v.add(q, 6, 1);
            }
            v.add(p, 7, 1).add(q, 7, p == 8 ? 0 : 1);
            v.add(p, 8, 1).add(q, 8, 1);
        }
        List<AnalysisInput.Statement> statements = List.of(AnalysisInput.Statement.of(1), AnalysisInput.Statement.of(2),
                AnalysisInput.Statement.of(3), new AnalysisInput.Statement(4, true, false),
                new AnalysisInput.Statement(5, false, true), AnalysisInput.Statement.of(6), AnalysisInput.Statement.of(7),
                AnalysisInput.Statement.of(8));
        AnalysisInput input = AnalysisInput.of(statements, v.build()).withGroups(groups);
        return OpinionAnalysis.update(input, null, AnalysisParameters.POLIS.withMinGroupedParticipants(2)).result();
    }

    static Map<Long, String> texts() {
        return Map.of(1L, "Everyone should be heard.", 2L, "Taxes should rise.", 3L, "Cities should ban cars.",
                4L, "Buy cheap pills here", 5L, "This conversation is too long.", 6L, "Trains should be free.",
                7L, "The AI should always be honest.", 8L, "AI should be honest");
    }

    @Test
    void selectsStatementsAMajorityOfEveryGroupAgreedWith() {
        Selection.Outcome o = Selection.select(smallConversation(), texts(), SelectionParameters.DEFAULTS);
        assertEquals(List.of(0, 1), o.groups());
        assertEquals(List.of(1L, 7L, 8L), o.candidates().stream().map(Selection.Candidate::statementId).toList());
        Map<Long, String> reasons = new HashMap<>();
        o.excluded().forEach(e -> reasons.put(e.statementIds().getFirst(), e.reason()));
        assertEquals(Map.of(2L, "below-agreement", 3L, "below-agreement", 4L, "moderated-out", 5L, "meta",
                6L, "too-few-votes"), reasons);
        Constitution.Excluded two = o.excluded().stream().filter(e -> e.statementIds().equals(List.of(2L))).findFirst()
                .orElseThrow();
        assertEquals(0.75, two.groupAgreement().get(0), 1e-15);
        assertEquals(0.5, two.groupAgreement().get(1), 1e-15);
        assertEquals("group B agreed 50.0%, not above 60.0%", two.detail());
        assertNull(o.excluded().stream().filter(e -> e.reason().equals("moderated-out")).findFirst().orElseThrow()
                .text(), "rejected statements are never republished");
        // statement 3: group A 7/8 agree, group B 6 disagree > 1 agree
        assertEquals(1, o.minorityViews().size());
        Constitution.MinorityView m = o.minorityViews().getFirst();
        assertEquals(3L, m.statementId());
        assertEquals(0, m.group());
        assertEquals(7 / 8.0, m.groupAgreement().get(0), 1e-15);
        assertEquals(6 / 8.0, m.groupDisagreement().get(1), 1e-15);
    }

    @Test
    void aHigherThresholdOrMoreVotesExcludeMore() {
        // statement 7: group B 7 of 8 agree (87.5 %): out above 0.9, in at 0.85
        AnalysisResult r = smallConversation();
        assertEquals(List.of(1L, 8L), Selection.select(r, texts(), SelectionParameters.of(0.9, null, null, null, null))
                .candidates().stream().map(Selection.Candidate::statementId).toList());
        assertEquals(List.of(1L, 7L, 8L), Selection.select(r, texts(), SelectionParameters.of(0.85, null, null, null, null))
                .candidates().stream().map(Selection.Candidate::statementId).toList());
        // 9 votes per group needed: every group cast 8
        assertTrue(Selection.select(r, texts(), SelectionParameters.of(null, 9, null, null, null)).candidates().isEmpty());
        // statement 2 passes at a bare majority? group B is at exactly 50 %: not above
        assertEquals(List.of(1L, 7L, 8L), Selection.select(r, texts(), SelectionParameters.of(0.5, null, null, null, null))
                .candidates().stream().map(Selection.Candidate::statementId).toList());
    }

    @Test
    void groupInformedConsensusIsTheProductOfSmoothedAgreeRates() {
        // statement 7: group A 8/8 agree, group B 7/8: (9/10)·(8/10)
        Map<Integer, Constitution.Tally> t = Map.of(0, new Constitution.Tally(8, 0, 0), 1, new Constitution.Tally(7, 0, 1));
        assertEquals(0.9 * 0.8, Selection.groupInformedConsensus(t), 1e-15);
        AnalysisResult r = smallConversation();
        AnalysisResult.StatementStats s7 = r.statementStats().stream().filter(s -> s.statementId() == 7).findFirst()
                .orElseThrow();
        assertEquals(s7.groupInformedConsensus(), Selection.groupInformedConsensus(t), 1e-15, "the analysis agrees");
    }

    @Test
    void nearDuplicatesBecomeOnePrincipleWithSummedEvidence() {
        Constitution c = ConstitutionBuilder.build(smallConversation(), texts(), SelectionParameters.DEFAULTS,
                new Constitution.Source("small", null, null, null, 16, 8, 0, Map.of(0, 8, 1, 8), "given"), "Test");
        assertEquals(2, c.principles().size());
        Constitution.Principle honest = c.principles().stream().filter(p -> p.statementIds().size() == 2).findFirst()
                .orElseThrow();
        // statement 8 (everyone agrees) ranks above 7 (one pass), so it is the wording and comes first
        assertEquals(List.of(8L, 7L), honest.statementIds());
        assertEquals("AI should be honest", honest.text());
        assertEquals("Choose the response that is most honest.", honest.cai());
        assertEquals(32, honest.votes());
        assertEquals(new Constitution.Tally(16, 0, 0), honest.groupVotes().get(0));
        assertEquals(new Constitution.Tally(15, 0, 1), honest.groupVotes().get(1));
        assertEquals(15 / 16.0, honest.groupAgreement().get(1), 1e-15);
        assertEquals((17 / 18.0) * (16 / 18.0), honest.consensus(), 1e-15);
        assertEquals(1.0, honest.statements().getFirst().similarity());
        assertTrue(honest.statements().get(1).similarity() >= SelectionParameters.DEFAULT_MERGE_THRESHOLD);
        // the principle with more consensus comes first: statement 8+7 summed beats 1 alone ((9/10)²)
        assertEquals(List.of(8L, 7L), c.principles().getFirst().statementIds());
        assertEquals(List.of(1L), c.principles().get(1).statementIds());
    }

    @Test
    void noGroupsAndOutOfRangeThresholdsAreClearErrors() {
        Votes votes = Votes.builder().add(1, 1, 1).add(2, 1, 1).build();
        AnalysisResult noGroups = OpinionAnalysis.update(AnalysisInput.of(List.of(AnalysisInput.Statement.of(1)), votes),
                null, AnalysisParameters.POLIS).result();
        Problem p = assertThrows(Problem.class, () -> Selection.select(noGroups, Map.of(1L, "x"), SelectionParameters.DEFAULTS));
        assertEquals("conversation", p.where());
        assertTrue(p.getMessage().startsWith("the conversation has no opinion groups yet"), p.getMessage());
        assertEquals("minGroupAgreement", assertThrows(Problem.class,
                () -> SelectionParameters.of(0.4, null, null, null, null)).where());
        assertEquals("minGroupAgreement", assertThrows(Problem.class,
                () -> SelectionParameters.of(1.0, null, null, null, null)).where());
        assertEquals("minGroupVotes", assertThrows(Problem.class,
                () -> SelectionParameters.of(null, 0, null, null, null)).where());
        assertEquals("minBridging", assertThrows(Problem.class,
                () -> SelectionParameters.of(null, null, 1.5, null, null)).where());
        assertEquals("mergeThreshold", assertThrows(Problem.class,
                () -> SelectionParameters.of(null, null, null, null, 0.0)).where());
        assertEquals("mergeThreshold", assertThrows(Problem.class,
                () -> SelectionParameters.of(null, null, null, null, Double.NaN)).where());
        assertEquals("rankBy", assertThrows(Problem.class,
                () -> SelectionParameters.RankBy.parse("votes", "rankBy")).where());
    }
}
