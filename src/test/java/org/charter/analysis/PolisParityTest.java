package org.charter.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.charter.analysis.AnalysisState.Cluster;
import org.charter.polis.ParticipantGroupsCsv;
import org.charter.polis.PolisAnalysisInput;
import org.charter.polis.PolisExport;
import org.charter.polis.PolisExportReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import smile.validation.metric.AdjustedRandIndex;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Charter against Polis's own math output ({@code math-pca2.json}) for two real conversations
 * (src/test/resources/polis-math, from red-dwarf's fixtures, MPL-2.0). Given Polis's groups, every formula must
 * reproduce Polis's numbers; from Polis's base clusters, the group step must pick Polis's k and partition; end to
 * end, the groups must agree with Polis's (ARI ≥ 0.85).
 */
class PolisParityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Path folder(String name) {
        try {
            return Path.of(PolisParityTest.class.getResource("/polis-math/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode math(String name) throws IOException {
        return JSON.readTree(folder(name).resolve("math-pca2.json").toFile());
    }

    static AnalysisResult givenPolisGroups(String name) {
        PolisExport export = PolisExportReader.read(folder(name));
        Map<Long, Integer> groups = ParticipantGroupsCsv.read(folder(name).resolve("polis-groups.csv"));
        AnalysisInput input = PolisAnalysisInput.of(export).withGroups(groups);
        return OpinionAnalysis.update(input, null, AnalysisParameters.POLIS).result();
    }

    @ParameterizedTest
    @ValueSource(strings = {"below-100-ptpts", "above-100-ptpts"})
    void groupVotesAndGroupInformedConsensusEqualPolis(String name) throws IOException {
        JsonNode math = math(name);
        AnalysisResult result = givenPolisGroups(name);
        Map<Long, AnalysisResult.StatementStats> stats = byId(result);
        JsonNode groupVotes = math.get("group-votes");
        assertEquals(groupVotes.size(), result.groups().size());
        for (AnalysisResult.Group g : result.groups()) {
            JsonNode polis = groupVotes.get(String.valueOf(g.id()));
            assertEquals(polis.get("n-members").asInt(), g.members().size(), "members of group " + g.id());
            int compared = 0;
            for (Map.Entry<String, JsonNode> e : polis.get("votes").properties()) {
                AnalysisResult.Tally t = stats.get(Long.parseLong(e.getKey())).groupVotes().get(g.id());
                long a = e.getValue().get("A").asLong();
                long d = e.getValue().get("D").asLong();
                long s = e.getValue().get("S").asLong();
                assertEquals(List.of(a, d, s - a - d), List.of(t.agree(), t.disagree(), t.pass()),
                        "group " + g.id() + " statement " + e.getKey());
                compared++;
            }
            assertEquals(math.get("tids").size(), compared);
        }
        JsonNode gac = math.get("group-aware-consensus");
        assertEquals(math.get("tids").size(), gac.size());
        gac.properties().forEach(e -> {
            double ours = stats.get(Long.parseLong(e.getKey())).groupInformedConsensus();
            assertEquals(e.getValue().asDouble(), ours, 2e-16, "GIC of " + e.getKey());
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"below-100-ptpts", "above-100-ptpts"})
    void representativeStatementsEqualPolisFieldByFieldAndInOrder(String name) throws IOException {
        JsonNode math = math(name);
        AnalysisResult result = givenPolisGroups(name);
        JsonNode repness = math.get("repness");
        assertEquals(repness.size(), result.groups().size());
        for (AnalysisResult.Group g : result.groups()) {
            JsonNode polis = repness.get(String.valueOf(g.id()));
            assertEquals(polis.size(), g.representative().size(), "representatives of group " + g.id());
            for (int i = 0; i < polis.size(); i++) {
                JsonNode p = polis.get(i);
                AnalysisResult.Representative r = g.representative().get(i);
                String where = "group " + g.id() + " #" + i;
                assertEquals(p.get("tid").asLong(), r.statementId(), where);
                assertEquals(p.get("repful-for").asText(), r.direction(), where);
                assertEquals(p.get("n-success").asLong(), r.nSuccess(), where);
                assertEquals(p.get("n-trials").asLong(), r.nTrials(), where);
                assertEquals(p.get("p-success").asDouble(), r.probability(), 0.0, where);
                assertEquals(p.get("p-test").asDouble(), r.pTest(), 0.0, where);
                assertEquals(p.get("repness").asDouble(), r.representativeness(), 0.0, where);
                // Polis stores repness-test as a float32.
                assertEquals(p.get("repness-test").asDouble(), r.zScore(), 1e-6 * Math.abs(r.zScore()), where);
                assertEquals((float) r.zScore(), (float) p.get("repness-test").asDouble(), 0.0f, where);
                assertEquals(p.path("best-agree").asBoolean(false), r.bestAgree(), where);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"below-100-ptpts", "above-100-ptpts"})
    void majorityListsEqualPolis(String name) throws IOException {
        JsonNode consensus = math(name).get("consensus");
        AnalysisResult result = givenPolisGroups(name);
        compareMajority(consensus.get("agree"), result.majority().agree());
        compareMajority(consensus.get("disagree"), result.majority().disagree());
    }

    private static void compareMajority(JsonNode polis, List<AnalysisResult.MajorityStatement> ours) {
        assertEquals(polis.size(), ours.size());
        for (int i = 0; i < polis.size(); i++) {
            JsonNode p = polis.get(i);
            AnalysisResult.MajorityStatement s = ours.get(i);
            assertEquals(p.get("tid").asLong(), s.statementId());
            assertEquals(p.get("n-success").asLong(), s.nSuccess());
            assertEquals(p.get("n-trials").asLong(), s.nTrials());
            assertEquals(p.get("p-success").asDouble(), s.probability(), 0.0);
            assertEquals(p.get("p-test").asDouble(), s.zScore(), 0.0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"below-100-ptpts", "above-100-ptpts"})
    void routingPrioritiesAndExtremityEqualPolis(String name) throws IOException {
        JsonNode math = math(name);
        AnalysisResult result = givenPolisGroups(name);
        Map<Long, AnalysisResult.StatementStats> stats = byId(result);
        JsonNode tids = math.get("tids");
        JsonNode extremity = math.get("pca").get("comment-extremity");
        JsonNode priorities = math.get("comment-priorities");
        for (int i = 0; i < tids.size(); i++) {
            long tid = tids.get(i).asLong();
            AnalysisResult.StatementStats s = stats.get(tid);
            double e = extremity.get(i).asDouble();
            assertEquals(e, s.extremity(), 1e-12 * Math.max(1, e), "extremity of " + tid);
            double p = priorities.get(String.valueOf(tid)).asDouble();
            assertEquals(p, s.priority(), 1e-12 * p, "priority of " + tid);
        }
        assertEquals(tids.size(), priorities.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"below-100-ptpts", "above-100-ptpts"})
    void principalComponentsEqualPolisUpToSign(String name) throws IOException {
        JsonNode pca = math(name).get("pca");
        PolisExport export = PolisExportReader.read(folder(name));
        AnalysisState state = OpinionAnalysis.update(PolisAnalysisInput.of(export), null, AnalysisParameters.POLIS)
                .state();
        double[][] ours = {state.pca().comp1(), state.pca().comp2()};
        for (int k = 0; k < 2; k++) {
            JsonNode polis = pca.get("comps").get(k);
            assertEquals(polis.size(), ours[k].length);
            double dot = 0;
            for (int j = 0; j < ours[k].length; j++) {
                dot += ours[k][j] * polis.get(j).asDouble();
            }
            double sign = Math.signum(dot);
            for (int j = 0; j < ours[k].length; j++) {
                assertEquals(polis.get(j).asDouble(), sign * ours[k][j], 1e-12, "component " + k + ", column " + j);
            }
        }
        // Polis's centre is in its agree = −1 convention (§16 C1): minus Charter's column means.
        JsonNode center = pca.get("center");
        for (int j = 0; j < center.size(); j++) {
            assertEquals(-center.get(j).asDouble(), state.pca().center()[j], 1e-14, "centre, column " + j);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"below-100-ptpts", "above-100-ptpts"})
    void fromPolisBaseClustersTheGroupStepPicksPolisKAndPartition(String name) throws IOException {
        JsonNode math = math(name);
        JsonNode base = math.get("base-clusters");
        List<Cluster> buckets = new ArrayList<>();
        for (int i = 0; i < base.get("id").size(); i++) {
            JsonNode members = base.get("members").get(i);
            long[] ids = new long[members.size()];
            for (int m = 0; m < ids.length; m++) {
                ids[m] = members.get(m).asLong();
            }
            buckets.add(new Cluster(base.get("id").get(i).asInt(), ids, base.get("x").get(i).asDouble(),
                    base.get("y").get(i).asDouble()));
        }
        GroupClustering.Outcome outcome = GroupClustering.update(buckets, Map.of(), AnalysisState.KSmoother.EMPTY,
                AnalysisParameters.POLIS);
        JsonNode polisGroups = math.get("group-clusters");
        assertEquals(polisGroups.size(), outcome.groups().size(), "k");
        Set<Set<Long>> polis = new java.util.HashSet<>();
        for (JsonNode g : polisGroups) {
            Set<Long> members = new TreeSet<>();
            g.get("members").forEach(m -> members.add(m.asLong()));
            polis.add(members);
        }
        Set<Set<Long>> ours = new java.util.HashSet<>();
        for (Cluster g : outcome.groups()) {
            Set<Long> members = new TreeSet<>();
            for (long m : g.members()) {
                members.add(m);
            }
            ours.add(members);
        }
        assertEquals(polis, ours);
    }

    @ParameterizedTest
    @ValueSource(strings = {"below-100-ptpts", "above-100-ptpts"})
    void endToEndTheGroupsAgreeWithPolis(String name) {
        PolisExport export = PolisExportReader.read(folder(name));
        Map<Long, Integer> polis = ParticipantGroupsCsv.read(folder(name).resolve("polis-groups.csv"));
        AnalysisResult oneShot = OpinionAnalysis.update(PolisAnalysisInput.of(export), null,
                AnalysisParameters.POLIS).result();
        double ari = ari(polis, oneShot.participantGroups());
        System.out.printf("%s one-shot ARI %.3f (k=%d)%n", name, ari, oneShot.groups().size());
        assertTrue(ari >= 0.85, name + ": ARI " + ari);
    }

    static double ari(Map<Long, Integer> a, Map<Long, Integer> b) {
        List<Long> common = new ArrayList<>();
        for (Long p : a.keySet()) {
            if (b.containsKey(p)) {
                common.add(p);
            }
        }
        int[] x = new int[common.size()];
        int[] y = new int[common.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = a.get(common.get(i));
            y[i] = b.get(common.get(i));
        }
        return x.length == 0 ? 0 : AdjustedRandIndex.of(x, y);
    }

    private static Map<Long, AnalysisResult.StatementStats> byId(AnalysisResult result) {
        Map<Long, AnalysisResult.StatementStats> stats = new HashMap<>();
        result.statementStats().forEach(s -> stats.put(s.statementId(), s));
        return stats;
    }
}
