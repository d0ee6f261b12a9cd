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
}
