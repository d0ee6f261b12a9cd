package org.charter.constitution;

import org.charter.analysis.AnalysisParameters;
import org.charter.analysis.AnalysisResult;
import org.charter.analysis.OpinionAnalysis;
import org.charter.polis.PolisAnalysisInput;
import org.charter.polis.PolisComment;
import org.charter.polis.PolisExport;
import org.charter.polis.PolisExportReader;
import org.charter.polis.PolisVote;
import org.charter.problem.Problem;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On each Polis open-data conversation: the constitution holds only statements that a majority (and more than the
 * threshold) of every opinion group agreed with — recomputed here from the raw vote rows, independently of the
 * analysis's tallies — and no statement a moderator rejected or marked meta.
 */
class OpenDataConstitutionTest {

    record Built(PolisExport export, AnalysisResult result, Constitution constitution) {
    }

    static Built build(String conversation, SelectionParameters p) {
        PolisExport export = PolisExportReader.read(NearDuplicatesTest.resource("polis/" + conversation));
        AnalysisResult result = OpinionAnalysis.update(PolisAnalysisInput.of(export), null, AnalysisParameters.POLIS)
                .result();
        Map<Long, String> texts = new HashMap<>();
        export.comments().forEach(c -> texts.put(c.commentId(), c.body()));
        Constitution.Source source = ConstitutionBuilder.source(result, conversation, export.summary().get("topic"),
                null, null, export.comments().size(), "test");
        return new Built(export, result, ConstitutionBuilder.build(result, texts, p, source, "Test " + conversation));
    }

    @Test
    void everyPrincipleIsAgreedByAMajorityOfEveryGroupRecountedFromTheVotes() {
        int principles = 0;
        int conversationsWithGroups = 0;
        for (String conversation : NearDuplicatesTest.CONVERSATIONS) {
            Built b;
            try {
                b = build(conversation, SelectionParameters.DEFAULTS);
            } catch (Problem e) {
                assertTrue(e.getMessage().contains("no opinion groups"), e.getMessage());
                continue;
            }
            conversationsWithGroups++;
            Map<Long, int[]> latest = latestVotes(b.export());
            Map<Long, Integer> groupOf = b.result().participantGroups();
            Map<Long, PolisComment> comments = new HashMap<>();
            b.export().comments().forEach(c -> comments.put(c.commentId(), c));
            for (Constitution.Principle p : b.constitution().principles()) {
                for (long statement : p.statementIds()) {
                    principles++;
                    PolisComment c = comments.get(statement);
                    assertFalse(c.isMeta());
                    assertEquals(org.charter.polis.PolisModeration.ACCEPTED.code() >= 0, c.moderation().code() >= 0,
                            conversation + " #" + statement + " was rejected");
                    // agree / all votes, per group, from the vote rows (latest vote of each participant)
                    Map<Integer, long[]> perGroup = new HashMap<>();
                    latest.forEach((key, vote) -> {
                        if (vote[0] == statement && groupOf.containsKey((long) vote[1])) {
                            long[] t = perGroup.computeIfAbsent(groupOf.get((long) vote[1]), g -> new long[2]);
                            t[1]++;
                            if (vote[2] == 1) {
                                t[0]++;
                            }
                        }
                    });
                    assertEquals(b.result().groups().size(), perGroup.size(), "every group voted on #" + statement);
                    perGroup.forEach((g, t) -> {
                        assertTrue(t[1] >= SelectionParameters.DEFAULT_MIN_GROUP_VOTES);
                        double rate = (double) t[0] / t[1];
                        assertTrue(rate > 0.5 && rate > SelectionParameters.DEFAULT_MIN_GROUP_AGREEMENT,
                                conversation + " #" + statement + " group " + g + ": " + t[0] + "/" + t[1]);
                        if (p.statementIds().size() == 1) {
                            assertEquals(rate, p.groupAgreement().get(g), 1e-12);
                        }
                    });
                }
            }
            // and the ones left out for disagreement really miss the threshold in some group
            for (Constitution.Excluded e : b.constitution().excluded()) {
                if (e.reason().equals("below-agreement")) {
                    assertTrue(e.groupAgreement().values().stream()
                            .anyMatch(r -> r <= SelectionParameters.DEFAULT_MIN_GROUP_AGREEMENT), e.toString());
                }
            }
        }
        assertTrue(conversationsWithGroups >= 4, "conversations with groups: " + conversationsWithGroups);
        assertTrue(principles >= 20, "principle statements checked: " + principles);
    }

    /** (participant, statement) → {statement, participant, vote}: the last row in time order wins. */
    static Map<Long, int[]> latestVotes(PolisExport export) {
        List<PolisVote> rows = new ArrayList<>(export.votes());
        if (export.hasVoteTimes()) {
            rows.sort(Comparator.comparingLong(PolisVote::timestampMillis));
        }
        Map<Long, int[]> latest = new HashMap<>();
        for (PolisVote v : rows) {
            latest.put(v.voterId() * 1_000_003L + v.commentId(), new int[]{(int) v.commentId(), (int) v.voterId(), v.vote()});
        }
        return latest;
    }
}
