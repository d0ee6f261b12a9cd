package org.charter.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import org.charter.cli.Output;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole update: groups, state, determinism, stability, small conversations, given groups. */
class OpinionAnalysisTest {

    private static final AnalysisParameters P = AnalysisParameters.POLIS;

    @Test
    void findsPlantedGroups() {
        TestConversations.Planted c = TestConversations.planted(300, 40, 3, 0.5, 11);
        AnalysisResult r = OpinionAnalysis.update(c.input(), null, P).result();
        assertNull(r.note());
        assertEquals(3, r.groups().size());
        assertEquals(300, r.participantGroups().size());
        assertTrue(ari(c.group(), r.participantGroups()) > 0.95, "ARI " + ari(c.group(), r.participantGroups()));
        for (AnalysisResult.Group g : r.groups()) {
            assertTrue(!g.representative().isEmpty(), "group " + g.id() + " has representative statements");
        }
        assertEquals(300, r.projection().size());
        assertEquals(40, r.statementStats().size());
        assertEquals(40, r.consensus().size());
        assertEquals(40, r.divisive().size());
        assertEquals(40, r.bridging().size());
        assertEquals(1, r.tick());
    }

    @Test
    void theStateRoundTripsThroughJsonAndARestartChangesNothing() throws Exception {
        TestConversations.Planted c = TestConversations.planted(300, 40, 3, 0.5, 12);
        AnalysisUpdate first = OpinionAnalysis.update(c.input(), null, P);
        String json = Output.JSON.writeValueAsString(first.state());
        AnalysisState restored = Output.JSON.readValue(json, AnalysisState.class);
        assertEquals(first.state(), restored);
        assertEquals(json, Output.JSON.writeValueAsString(restored));

        // More votes arrive: the update from the restored state equals the one from the state in memory.
        TestConversations.Planted more = TestConversations.planted(330, 40, 3, 0.5, 12);
        AnalysisUpdate live = OpinionAnalysis.update(more.input(), first.state(), P);
        AnalysisUpdate afterRestart = OpinionAnalysis.update(more.input(), restored, P);
        assertEquals(live.state(), afterRestart.state());
        assertEquals(Output.JSON.writeValueAsString(live.result()), Output.JSON.writeValueAsString(afterRestart.result()));
        assertEquals(2, live.result().tick());
    }

    @Test
    void theSameInputGivesTheSameResult() throws Exception {
        TestConversations.Planted c = TestConversations.planted(200, 30, 2, 0.6, 13);
        String a = Output.JSON.writeValueAsString(OpinionAnalysis.update(c.input(), null, P).result());
        String b = Output.JSON.writeValueAsString(OpinionAnalysis.update(c.input(), null, P).result());
        assertEquals(a, b);
    }

    @Test
    void anUnrelatedNewVoteMovesNobodyToAnotherGroup() {
        TestConversations.Planted c = TestConversations.planted(300, 40, 3, 0.5, 14);
        AnalysisUpdate before = OpinionAnalysis.update(c.input(), null, P);
        AnalysisUpdate same = OpinionAnalysis.update(c.input(), before.state(), P);
        // A newcomer casts two votes (below the threshold to be placed).
        Votes.Builder b = Votes.builder();
        VoteMatrix m = VoteMatrix.of(c.votes(), TestVotes.statements(40));
        for (int r = 0; r < m.rows(); r++) {
            for (int k = m.rowStart[r]; k < m.rowStart[r + 1]; k++) {
                b.add(m.participantIds[r], m.statementIds[m.col[k]], m.value[k]);
            }
        }
        b.add(1000, 3, 1).add(1000, 7, -1);
        AnalysisUpdate after = OpinionAnalysis.update(AnalysisInput.of(TestVotes.statements(40), b.build()),
                same.state(), P);
        assertEquals(same.result().participantGroups(), after.result().participantGroups());
        assertTrue(after.result().projection().containsKey(1000L), "the newcomer is on the map");
        assertTrue(!after.result().participantGroups().containsKey(1000L), "but not placed in a group");
        assertEquals(301, after.result().participants());
    }

    @Test
    void aConversationTooSmallToClusterHasNoGroupsAndSaysWhy() {
        AnalysisInput input = AnalysisInput.of(TestVotes.statements(4),
                TestVotes.of("++-+", "+--+", "-+-0"));
        AnalysisResult r = OpinionAnalysis.update(input, null, P).result();
        assertEquals(List.of(), r.groups());
        assertEquals(Map.of(), r.participantGroups());
        assertNotNull(r.note());
        assertTrue(r.note().startsWith("too few participants to form opinion groups: 3 placed, need 15"), r.note());
        assertEquals(3, r.projection().size());
        assertEquals(4, r.statementStats().size());
        assertEquals(List.of(), r.consensus());
        assertNull(r.statementStats().getFirst().groupInformedConsensus());
        assertTrue(r.statementStats().getFirst().priority() > 0);
    }

    @Test
    void noVotesYet() {
        AnalysisUpdate u = OpinionAnalysis.update(AnalysisInput.of(TestVotes.statements(2), Votes.builder().build()),
                null, P);
        assertEquals("no votes yet", u.result().note());
        assertEquals(2, u.result().statementStats().size());
        // A new statement gets the full novelty boost: ((1/2)·(1/2)·9)².
        assertEquals(5.0625, u.result().statementStats().getFirst().priority(), 1e-12);
        assertEquals(1, u.state().tick());
    }

    @Test
    void givenGroupsReplaceClustering() {
        TestConversations.Planted c = TestConversations.planted(120, 30, 2, 0.6, 15);
        Map<Long, Integer> given = new HashMap<>();
        for (int p = 0; p < 120; p++) {
            given.put((long) p, 10 + c.group()[p]);
        }
        given.put(9999L, 10); // no votes: ignored
        AnalysisResult r = OpinionAnalysis.update(c.input().withGroups(given), null, P).result();
        assertEquals(List.of(10, 11), r.groups().stream().map(AnalysisResult.Group::id).toList());
        assertEquals(120, r.participantGroups().size());
        assertEquals(11, r.participantGroups().get(1L));
        AnalysisResult.StatementStats s = r.statementStats().getFirst();
        assertEquals(s.votes().agree(), s.groupVotes().get(10).agree() + s.groupVotes().get(11).agree());
        assertNotNull(s.groupInformedConsensus());
    }

    @Test
    void aReplayInOneWindowIsTheOneShotAnalysis() throws Exception {
        TestConversations.Planted c = TestConversations.planted(100, 20, 2, 0.6, 16);
        List<Replay.TimedVote> timed = new java.util.ArrayList<>();
        VoteMatrix m = VoteMatrix.of(c.votes(), TestVotes.statements(20));
        long t = 1_000_000;
        for (int r = 0; r < m.rows(); r++) {
            for (int k = m.rowStart[r]; k < m.rowStart[r + 1]; k++) {
                timed.add(new Replay.TimedVote(m.participantIds[r], m.statementIds[m.col[k]], m.value[k], t++));
            }
        }
        AnalysisUpdate one = Replay.run(TestVotes.statements(20), timed, Map.of(), Long.MAX_VALUE / 2, P, null);
        AnalysisInput same = AnalysisInput.of(TestVotes.statements(20), votesInOrder(timed));
        assertEquals(Output.JSON.writeValueAsString(OpinionAnalysis.update(same, null, P).result()),
                Output.JSON.writeValueAsString(one.result()));
        // One-second windows: one update per second that holds votes.
        AnalysisUpdate perSecond = Replay.run(TestVotes.statements(20), timed, Map.of(), 1000, P, null);
        long windows = timed.stream().mapToLong(v -> v.timeMillis() / 1000).distinct().count();
        assertEquals(windows, perSecond.state().tick());
        assertEquals(windows, perSecond.result().tick());
    }

    private static Votes votesInOrder(List<Replay.TimedVote> timed) {
        Votes.Builder b = Votes.builder();
        timed.forEach(v -> b.add(v.participantId(), v.statementId(), v.vote()));
        return b.build();
    }

    @Test
    void resultSerializesToTheAnalyzeContract() throws Exception {
        TestConversations.Planted c = TestConversations.planted(200, 30, 2, 0.6, 17);
        JsonNode json = Output.JSON.readTree(Output.JSON.writeValueAsString(
                OpinionAnalysis.update(c.input(), null, P).result()));
        for (String key : List.of("participants", "statements", "votes", "groups", "participantGroups", "projection",
                "consensus", "bridging", "divisive", "majority", "statementStats", "inConversation", "note")) {
            assertTrue(json.has(key), key);
        }
        JsonNode representative = json.get("groups").get(0).get("representative").get(0);
        for (String key : List.of("statementId", "direction", "probability", "representativeness", "zScore")) {
            assertTrue(representative.has(key), key);
        }
        assertTrue(json.get("projection").get("0").isArray());
        assertEquals(2, json.get("projection").get("0").size());
        assertTrue(json.get("consensus").get(0).has("statementId") && json.get("consensus").get(0).has("score"));
        double first = json.get("consensus").get(0).get("score").asDouble();
        double second = json.get("consensus").get(1).get("score").asDouble();
        assertTrue(first >= second, "best first");
    }

    static double ari(int[] planted, Map<Long, Integer> found) {
        int[] a = new int[found.size()];
        int[] b = new int[found.size()];
        int i = 0;
        for (Map.Entry<Long, Integer> e : found.entrySet()) {
            a[i] = planted[(int) (long) e.getKey()];
            b[i] = e.getValue();
            i++;
        }
        return smile.validation.metric.AdjustedRandIndex.of(a, b);
    }
}
