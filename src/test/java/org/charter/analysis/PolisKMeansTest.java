package org.charter.analysis;

import org.charter.analysis.AnalysisState.Cluster;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** §3.2: Polis's k-means. */
class PolisKMeansTest {

    @Test
    void coldStartUsesTheFirstDistinctPointsInDataOrder() {
        long[] ids = {10, 11, 12, 13, 14};
        double[] xs = {0, 0, 1, 5, 6};
        double[] ys = {0, 0, 0, 5, 5};
        List<Cluster> clusters = new PolisKMeans(ids, xs, ys, null).fit(3, List.of(), 100);
        assertEquals(3, clusters.size());
        // Starts at (0,0), (1,0), (5,5) with ids 0, 1, 2.
        assertArrayEquals(new long[]{10, 11}, clusters.get(0).members());
        assertArrayEquals(new long[]{12}, clusters.get(1).members());
        assertArrayEquals(new long[]{13, 14}, clusters.get(2).members());
        assertEquals(5.5, clusters.get(2).x(), 0.0);
        assertEquals(5.0, clusters.get(2).y(), 0.0);
    }

    @Test
    void centresAreWeightedMeans() {
        long[] ids = {0, 1, 2};
        double[] xs = {0, 1, 10};
        double[] ys = {0, 0, 0};
        double[] weights = {1, 3, 1};
        List<Cluster> clusters = new PolisKMeans(ids, xs, ys, weights).fit(2, List.of(), 100);
        assertArrayEquals(new long[]{0, 1}, clusters.get(0).members());
        assertEquals(0.75, clusters.get(0).x(), 0.0); // (0·1 + 1·3) / 4
    }

    @Test
    void warmStartKeepsIdsDropsEmptyClustersAndAddsTheMostDistantPoint() {
        long[] ids = {1, 2, 3, 4};
        double[] xs = {0, 0.5, 10, 20};
        double[] ys = {0, 0, 0, 0};
        // Cluster 3 held participants 1 and 2; cluster 7 held participant 99, who is gone.
        List<Cluster> previous = List.of(new Cluster(3, new long[]{1, 2}, 0, 0), new Cluster(7, new long[]{99}, 9, 9));
        List<Cluster> clusters = new PolisKMeans(ids, xs, ys, null).fit(3, previous, 100);
        // Cluster 7 is dropped; the farthest point (20) starts a cluster with the next id after the clusters
        // left (as Polis: max + 1 = 4), then the next farthest (10) cluster 5.
        assertEquals(List.of(3, 4, 5), clusters.stream().map(Cluster::id).toList());
        assertArrayEquals(new long[]{1, 2}, clusters.get(0).members());
        assertArrayEquals(new long[]{4}, clusters.get(1).members());
        assertArrayEquals(new long[]{3}, clusters.get(2).members());
    }

    @Test
    void aPointEquidistantFromTwoCentresJoinsTheLastOne() {
        long[] ids = {0, 1, 2};
        double[] xs = {-1, 1, 0};
        double[] ys = {0, 0, 0};
        // Budget 0: one assignment step from the cold start (−1, 0) and (1, 0).
        List<Cluster> clusters = new PolisKMeans(ids, xs, ys, null).fit(2, List.of(), 0);
        assertArrayEquals(new long[]{0}, clusters.get(0).members());
        assertArrayEquals(new long[]{1, 2}, clusters.get(1).members());
    }

    @Test
    void identicalCentresMergeIntoTheLargerCluster() {
        long[] ids = {1, 2, 3};
        double[] xs = {0, 0, 0};
        double[] ys = {0, 0, 0};
        List<Cluster> previous = List.of(new Cluster(0, new long[]{1}, 0, 0), new Cluster(5, new long[]{2, 3}, 0, 0));
        List<Cluster> clusters = new PolisKMeans(ids, xs, ys, null).fit(2, previous, 10);
        assertEquals(1, clusters.size());
        assertEquals(5, clusters.getFirst().id());
        assertArrayEquals(new long[]{1, 2, 3}, clusters.getFirst().members());
    }

    @Test
    void theBoundsShortcutGivesExactlyLloydsClusters() {
        java.util.Random random = new java.util.Random(9);
        int n = 3000;
        long[] ids = new long[n];
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
            int blob = i % 4;
            xs[i] = blob * 3 + random.nextGaussian();
            ys[i] = (blob % 2) * 3 + random.nextGaussian();
            if (i % 50 == 0) {
                xs[i] = xs[i - (i > 0 ? 1 : 0)]; // some duplicates
            }
        }
        List<Cluster> fast = new PolisKMeans(ids, xs, ys, null).fit(100, List.of(), 100);
        List<Cluster> plain = plainLloyd(ids, xs, ys, 100, 100);
        assertEquals(plain, fast);
    }

    /** Textbook Lloyd with Polis's start, tie rule and stopping rule, for comparison. */
    private static List<Cluster> plainLloyd(long[] ids, double[] xs, double[] ys, int k, int maxIterations) {
        List<double[]> centres = new java.util.ArrayList<>();
        List<Integer> clusterIds = new java.util.ArrayList<>();
        java.util.Set<List<Double>> seen = new java.util.HashSet<>();
        for (int i = 0; i < ids.length && centres.size() < k; i++) {
            if (seen.add(List.of(xs[i], ys[i]))) {
                centres.add(new double[]{xs[i], ys[i]});
                clusterIds.add(centres.size() - 1);
            }
        }
        List<List<Integer>> members;
        for (int budget = maxIterations; ; budget--) {
            members = new java.util.ArrayList<>();
            for (int c = 0; c < centres.size(); c++) {
                members.add(new java.util.ArrayList<>());
            }
            for (int i = 0; i < ids.length; i++) {
                int best = 0;
                double bestDistance = Double.POSITIVE_INFINITY;
                for (int c = 0; c < centres.size(); c++) {
                    double dx = xs[i] - centres.get(c)[0];
                    double dy = ys[i] - centres.get(c)[1];
                    double d = dx * dx + dy * dy;
                    if (d <= bestDistance) {
                        bestDistance = d;
                        best = c;
                    }
                }
                members.get(best).add(i);
            }
            List<double[]> next = new java.util.ArrayList<>();
            List<Integer> nextIds = new java.util.ArrayList<>();
            List<List<Integer>> nextMembers = new java.util.ArrayList<>();
            boolean converged = true;
            for (int c = 0; c < centres.size(); c++) {
                if (members.get(c).isEmpty()) {
                    converged = false;
                    continue;
                }
                double sx = 0;
                double sy = 0;
                for (int i : members.get(c)) {
                    sx += xs[i];
                    sy += ys[i];
                }
                double[] centre = {sx / members.get(c).size(), sy / members.get(c).size()};
                converged &= Math.hypot(centre[0] - centres.get(c)[0], centre[1] - centres.get(c)[1]) < 0.01;
                next.add(centre);
                nextIds.add(clusterIds.get(c));
                nextMembers.add(members.get(c));
            }
            centres = next;
            clusterIds = nextIds;
            members = nextMembers;
            if (budget == 0 || converged) {
                break;
            }
        }
        List<Cluster> result = new java.util.ArrayList<>();
        for (int c = 0; c < centres.size(); c++) {
            long[] m = members.get(c).stream().mapToLong(i -> ids[i]).sorted().toArray();
            result.add(new Cluster(clusterIds.get(c), m, centres.get(c)[0], centres.get(c)[1]));
        }
        return result;
    }
}
