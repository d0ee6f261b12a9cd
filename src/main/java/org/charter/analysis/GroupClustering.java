package org.charter.analysis;

import org.charter.analysis.AnalysisState.Cluster;
import org.charter.analysis.AnalysisState.KSmoother;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Opinion groups from base clusters (polis-math.md §3.3–§3.5): a weighted Polis k-means of the base-cluster
 * centres for each candidate k, the silhouette of each on the distances between base clusters, and the k
 * smoother that picks which clustering is shown.
 */
final class GroupClustering {

    /**
     * The outcome of one update of the group step.
     *
     * @param clusterings the clustering for each candidate k (members are base-cluster ids)
     * @param silhouettes the silhouette of each
     * @param smoother    the smoother after this update
     * @param groups      the clustering for the smoothed k, or empty when there are no groups
     */
    record Outcome(Map<Integer, List<Cluster>> clusterings, Map<Integer, Double> silhouettes, KSmoother smoother,
                   List<Cluster> groups) {
    }

    private GroupClustering() {
    }

    /**
     * Candidate k: 2 .. min(maxK, 2 + ⌊buckets / 12⌋), leaving out any k above the number of base clusters
     * (§3.3, §16 C6).
     */
    static int maxK(int buckets, int maxK) {
        return Math.min(Math.min(maxK, 2 + buckets / 12), buckets);
    }

    static Outcome update(List<Cluster> baseClusters, Map<Integer, List<Cluster>> previous, KSmoother smoother,
                          AnalysisParameters params) {
        int buckets = baseClusters.size();
        int maxK = maxK(buckets, params.maxK());
        if (maxK < 2) {
            return new Outcome(Map.of(), Map.of(), smoother, List.of());
        }
        long[] ids = new long[buckets];
        double[] xs = new double[buckets];
        double[] ys = new double[buckets];
        double[] weights = new double[buckets];
        for (int b = 0; b < buckets; b++) {
            Cluster c = baseClusters.get(b);
            ids[b] = c.id();
            xs[b] = c.x();
            ys[b] = c.y();
            weights[b] = c.members().length;
        }
        double[][] distances = distances(xs, ys);
        PolisKMeans kmeans = new PolisKMeans(ids, xs, ys, weights);
        Map<Integer, List<Cluster>> clusterings = new LinkedHashMap<>();
        Map<Integer, Double> silhouettes = new LinkedHashMap<>();
        int bestK = -1;
        double best = Double.NEGATIVE_INFINITY;
        for (int k = 2; k <= maxK; k++) {
            List<Cluster> clustering = kmeans.fit(k, previous.getOrDefault(k, List.of()), params.groupIterations());
            clusterings.put(k, clustering);
            double s = silhouette(clustering, ids, distances);
            silhouettes.put(k, s);
            if (s >= best) { // ties go to the larger k, as Polis's max-key
                best = s;
                bestK = k;
            }
        }
        KSmoother next = smoother.next(bestK, params.groupKBuffer(), clusterings.keySet());
        return new Outcome(clusterings, silhouettes, next, clusterings.get(next.smoothedK()));
    }

    static double[][] distances(double[] xs, double[] ys) {
        int n = xs.length;
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double dx = xs[i] - xs[j];
                double dy = ys[i] - ys[j];
                d[i][j] = Math.sqrt(dx * dx + dy * dy);
            }
        }
        return d;
    }

    /**
     * Silhouette of a clustering of base clusters (§3.4): for each base cluster, a = mean distance to the other
     * members of its group, b = least mean distance to another group's members, s = (b − a) / max(a, b), 0 for a
     * group of one; the score is the plain (unweighted) mean over all base clusters.
     *
     * @param ids       base-cluster id per row of {@code distances}
     * @param distances Euclidean distances between base-cluster centres
     */
    static double silhouette(List<Cluster> clustering, long[] ids, double[][] distances) {
        Map<Long, Integer> row = new java.util.HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            row.put(ids[i], i);
        }
        int[][] groups = new int[clustering.size()][];
        for (int g = 0; g < groups.length; g++) {
            long[] members = clustering.get(g).members();
            groups[g] = new int[members.length];
            for (int m = 0; m < members.length; m++) {
                groups[g][m] = row.get(members[m]);
            }
        }
        double sum = 0;
        int count = 0;
        for (int g = 0; g < groups.length; g++) {
            for (int member : groups[g]) {
                count++;
                if (groups[g].length == 1) {
                    continue; // s = 0 for a group of one
                }
                double a = 0;
                for (int other : groups[g]) {
                    if (other != member) {
                        a += distances[member][other];
                    }
                }
                a /= groups[g].length - 1;
                double b = Double.POSITIVE_INFINITY;
                for (int h = 0; h < groups.length; h++) {
                    if (h == g) {
                        continue;
                    }
                    double mean = 0;
                    for (int other : groups[h]) {
                        mean += distances[member][other];
                    }
                    b = Math.min(b, mean / groups[h].length);
                }
                double scale = Math.max(a, b);
                if (b != Double.POSITIVE_INFINITY && scale > 0) {
                    sum += (b - a) / scale;
                }
            }
        }
        return count == 0 ? 0 : sum / count;
    }
}
