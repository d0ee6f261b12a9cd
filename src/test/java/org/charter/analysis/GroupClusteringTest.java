package org.charter.analysis;

import org.charter.analysis.AnalysisState.Cluster;
import org.charter.analysis.AnalysisState.KSmoother;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** §3.3–§3.5: candidate k, silhouette and smoothing. */
class GroupClusteringTest {

    @Test
    void candidateKGrowsWithTheNumberOfBaseClusters() {
        assertEquals(5, GroupClustering.maxK(100, 5));
        assertEquals(4, GroupClustering.maxK(24, 5));
        assertEquals(2, GroupClustering.maxK(11, 5));
        assertEquals(2, GroupClustering.maxK(3, 5));
        assertEquals(1, GroupClustering.maxK(1, 5)); // no groups
    }

    @Test
    void silhouetteOfTwoPairsOnALine() {
        long[] ids = {0, 1, 2, 3};
        double[][] d = GroupClustering.distances(new double[]{0, 1, 10, 11}, new double[4]);
        List<Cluster> clustering = List.of(new Cluster(0, new long[]{0, 1}, 0.5, 0),
                new Cluster(1, new long[]{2, 3}, 10.5, 0));
        // s = (10.5 − 1)/10.5, (9.5 − 1)/9.5, (9.5 − 1)/9.5, (10.5 − 1)/10.5; the score is their mean.
        double expected = (2 * (9.5 / 10.5) + 2 * (8.5 / 9.5)) / 4;
        assertEquals(expected, GroupClustering.silhouette(clustering, ids, d), 1e-15);
    }

    @Test
    void aGroupOfOneScoresZero() {
        long[] ids = {0, 1, 2};
        double[][] d = GroupClustering.distances(new double[]{0, 10, 11}, new double[3]);
        List<Cluster> clustering = List.of(new Cluster(0, new long[]{0}, 0, 0),
                new Cluster(1, new long[]{1, 2}, 10.5, 0));
        // s(0) = 0; s(1) = (10 − 1)/10; s(2) = (11 − 1)/11.
        assertEquals((0.9 + 10.0 / 11) / 3, GroupClustering.silhouette(clustering, ids, d), 1e-15);
    }

    @Test
    void aNewBestKMustWinFourUpdatesInARow() {
        Set<Integer> candidates = Set.of(2, 3);
        KSmoother s = KSmoother.EMPTY;
        assertNull(s.smoothedK());
        s = s.next(2, 4, candidates);
        assertEquals(2, s.smoothedK());
        for (int i = 1; i <= 3; i++) {
            s = s.next(3, 4, candidates);
            assertEquals(2, s.smoothedK(), "update " + i + " with best k 3");
        }
        s = s.next(3, 4, candidates);
        assertEquals(3, s.smoothedK());
        assertEquals(4, s.lastKCount());
        // A run that is broken starts counting again.
        s = s.next(2, 4, candidates).next(3, 4, candidates).next(2, 4, candidates);
        assertEquals(3, s.smoothedK());
        assertEquals(1, s.lastKCount());
    }

    @Test
    void aSmoothedKThatIsNoLongerACandidateFallsBack() {
        KSmoother s = new KSmoother(5, 9, 5);
        assertEquals(2, s.next(2, 4, Set.of(2)).smoothedK());
    }

    @Test
    void twoSeparatedCloudsOfBaseClustersFormTwoGroups() {
        List<Cluster> base = new java.util.ArrayList<>();
        for (int i = 0; i < 24; i++) {
            double x = i < 12 ? -5 + 0.1 * i : 5 + 0.1 * i;
            base.add(new Cluster(i, new long[]{100 + i}, x, 0.05 * (i % 3)));
        }
        GroupClustering.Outcome outcome = GroupClustering.update(base, java.util.Map.of(), KSmoother.EMPTY,
                AnalysisParameters.POLIS);
        assertEquals(Set.of(2, 3, 4), outcome.clusterings().keySet());
        assertEquals(2, outcome.smoother().smoothedK());
        assertEquals(12, outcome.groups().get(0).members().length);
        assertEquals(12, outcome.groups().get(1).members().length);
    }
}
