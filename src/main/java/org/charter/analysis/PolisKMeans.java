package org.charter.analysis;

import org.charter.analysis.AnalysisState.Cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Polis's k-means (polis-math.md §3.2): Lloyd iterations on 2-D points with optional weights, a deterministic cold
 * start and a warm start that keeps cluster ids stable across updates ({@code clean-start-clusters}).
 *
 * <ul>
 *   <li>Cold start: the first k distinct points in data order, ids 0..k−1.</li>
 *   <li>Warm start: recentre each previous cluster on its surviving members (drop the empty ones; if none survive,
 *       one cluster of everything with a new id); merge clusters whose centres coincide (the larger keeps its id);
 *       while there are fewer than min(k, distinct points) clusters, move the point farthest from its nearest
 *       centre into a new cluster with id max+1.</li>
 *   <li>Step: each point joins its nearest centre (ties go to the cluster listed last, i.e. the highest id, as
 *       Polis's {@code min-key} does); empty clusters are dropped; each centre becomes the weighted mean of its
 *       members.</li>
 *   <li>Stop when every centre, paired with its predecessor by id, moved less than 0.01 (and no cluster vanished,
 *       §16 C5), or after {@code maxIterations + 1} steps (Polis counts down from the budget to 0).</li>
 * </ul>
 *
 * <p>Smile's {@code KMeans} seeds with k-means++ and has neither weights nor warm starts, so it cannot reproduce
 * this; the loop is written out here. The assignment step is the cost (points × clusters per step); it runs
 * on both cores when there are many points.
 */
final class PolisKMeans {

    static final double CONVERGED = 0.01;
    /** Points per core below which splitting the assignment does not pay. */
    private static final int PARALLEL_POINTS = 10_000;

    private final long[] ids;
    private final double[] xs;
    private final double[] ys;
    private final double[] weights;
    private final LongIndex index;

    /**
     * @param ids     point ids, in data order (participant ids for base clusters, base-cluster ids for groups)
     * @param xs      first coordinates
     * @param ys      second coordinates
     * @param weights point weights, or null for unweighted
     */
    PolisKMeans(long[] ids, double[] xs, double[] ys, double[] weights) {
        this.ids = ids;
        this.xs = xs;
        this.ys = ys;
        this.weights = weights;
        this.index = new LongIndex(ids.length);
        for (long id : ids) {
            index.intern(id);
        }
    }

    /** A cluster being worked on: member point indices and a centre. */
    private static final class Work {
        final int id;
        int[] members;
        int size;
        double x;
        double y;

        Work(int id, double x, double y) {
            this.id = id;
            this.members = new int[4];
            this.x = x;
            this.y = y;
        }

        void add(int point) {
            if (size == members.length) {
                members = Arrays.copyOf(members, size * 2);
            }
            members[size++] = point;
        }
    }

    /**
     * Clusters the points into at most k clusters.
     *
     * @param previous      the previous clustering for warm start, or empty for a cold start
     * @param maxIterations Polis's iteration budget (100 for base clusters, 20 for groups)
     * @return the clusters, sorted by id, with members ascending
     */
    List<Cluster> fit(int k, List<Cluster> previous, int maxIterations) {
        if (ids.length == 0) {
            return List.of();
        }
        List<Work> clusters = previous.isEmpty() ? coldStart(k) : cleanStart(k, previous);
        Bounds bounds = new Bounds(ids.length);
        for (int budget = maxIterations; ; budget--) {
            List<Work> next = step(clusters, bounds);
            boolean done = budget == 0 || sameClustering(clusters, next);
            clusters = next;
            if (done) {
                break;
            }
        }
        List<Cluster> result = new ArrayList<>(clusters.size());
        for (Work w : clusters) {
            long[] members = new long[w.size];
            for (int i = 0; i < w.size; i++) {
                members[i] = ids[w.members[i]];
            }
            Arrays.sort(members);
            result.add(new Cluster(w.id, members, w.x, w.y));
        }
        result.sort((a, b) -> Integer.compare(a.id(), b.id()));
        return result;
    }

    /**
     * What the assignment keeps between steps to skip distance computations (Hamerly, "Making k-means even
     * faster", SDM 2010): per point, its cluster (index in the current list), an upper bound on the distance to
     * it and a lower bound on the distance to any other centre. A point whose upper bound is below both its lower
     * bound and half the distance from its centre to the nearest other centre cannot change cluster. Points near a
     * tie are always recomputed, so the assignment is exactly Lloyd's, ties included.
     */
    private static final class Bounds {
        final int[] assignment;
        final double[] upper;
        final double[] lower;
        boolean valid;

        Bounds(int n) {
            assignment = new int[n];
            upper = new double[n];
            lower = new double[n];
        }
    }

    /** First k distinct points in data order, ids 0..k−1 (Polis {@code init-clusters}). */
    private List<Work> coldStart(int k) {
        List<Work> clusters = new ArrayList<>();
        Set<Point> seen = new HashSet<>();
        for (int i = 0; i < ids.length && clusters.size() < k; i++) {
            if (seen.add(new Point(xs[i], ys[i]))) {
                clusters.add(new Work(clusters.size(), xs[i], ys[i]));
            }
        }
        return clusters;
    }

    private record Point(double x, double y) {
    }

    /** Polis {@code clean-start-clusters}. */
    private List<Work> cleanStart(int k, List<Cluster> previous) {
        List<Cluster> byId = new ArrayList<>(previous);
        byId.sort((a, b) -> Integer.compare(a.id(), b.id()));
        List<Work> clusters = new ArrayList<>();
        int maxId = -1;
        for (Cluster c : byId) {
            maxId = Math.max(maxId, c.id());
            Work w = new Work(c.id(), 0, 0);
            for (long member : c.members()) {
                int i = index.indexOf(member);
                if (i >= 0) {
                    w.add(i);
                }
            }
            if (w.size > 0) {
                recenter(w);
                clusters.add(w);
            }
        }
        if (clusters.isEmpty()) {
            Work all = new Work(maxId + 1, 0, 0);
            for (int i = 0; i < ids.length; i++) {
                all.add(i);
            }
            recenter(all);
            clusters.add(all);
        }
        clusters = mergeIdentical(clusters);
        int possible = Math.min(k, distinctPoints(k));
        while (true) {
            for (Work w : clusters) {
                recenter(w);
            }
            if (clusters.size() >= possible) {
                return clusters;
            }
            // The point farthest from its nearest centre (ties: the last such point) starts a new cluster.
            int outlier = -1;
            double farthest = -1;
            for (int i = 0; i < ids.length; i++) {
                double nearest = Double.POSITIVE_INFINITY;
                for (Work w : clusters) {
                    nearest = Math.min(nearest, distance(i, w));
                }
                if (nearest >= farthest) {
                    farthest = nearest;
                    outlier = i;
                }
            }
            if (!(farthest > 0)) {
                return clusters;
            }
            for (Work w : clusters) {
                remove(w, outlier);
            }
            int newId = clusters.stream().mapToInt(w -> w.id).max().orElse(-1) + 1;
            Work single = new Work(newId, xs[outlier], ys[outlier]);
            single.add(outlier);
            clusters.add(single);
        }
    }

    /** Clusters with exactly the same centre become one, with the larger one's id (Polis {@code uniqify-clusters}). */
    private static List<Work> mergeIdentical(List<Work> clusters) {
        List<Work> unique = new ArrayList<>();
        for (Work c : clusters) {
            int same = -1;
            for (int i = 0; i < unique.size(); i++) {
                if (unique.get(i).x == c.x && unique.get(i).y == c.y) {
                    same = i;
                    break;
                }
            }
            if (same < 0) {
                unique.add(c);
                continue;
            }
            Work a = unique.get(same);
            // max-key keeps the later argument on ties.
            Work merged = new Work(a.size > c.size ? a.id : c.id,
                    (a.x * a.size + c.x * c.size) / (a.size + c.size),
                    (a.y * a.size + c.y * c.size) / (a.size + c.size));
            for (int i = 0; i < a.size; i++) {
                merged.add(a.members[i]);
            }
            for (int i = 0; i < c.size; i++) {
                merged.add(c.members[i]);
            }
            unique.set(same, merged);
        }
        return unique;
    }

    /** Distinct positions, counted only up to {@code cap} (all that matters is min(k, distinct)). */
    private int distinctPoints(int cap) {
        Set<Point> seen = new HashSet<>();
        for (int i = 0; i < ids.length && seen.size() < cap; i++) {
            seen.add(new Point(xs[i], ys[i]));
        }
        return seen.size();
    }

    private static void remove(Work w, int point) {
        int write = 0;
        for (int i = 0; i < w.size; i++) {
            if (w.members[i] != point) {
                w.members[write++] = w.members[i];
            }
        }
        w.size = write;
    }

    /** The centre becomes the (weighted) mean of the members' positions. */
    private void recenter(Work w) {
        double sx = 0;
        double sy = 0;
        double total = 0;
        for (int i = 0; i < w.size; i++) {
            int p = w.members[i];
            double weight = weights == null ? 1 : weights[p];
            sx += weight * xs[p];
            sy += weight * ys[p];
            total += weight;
        }
        if (total > 0) {
            w.x = sx / total;
            w.y = sy / total;
        }
    }

    private double distance(int point, Work w) {
        double dx = xs[point] - w.x;
        double dy = ys[point] - w.y;
        return Math.sqrt(dx * dx + dy * dy);
    }

    /** One Lloyd step: assign, drop the empty clusters, recentre; then move the bounds with the centres. */
    private List<Work> step(List<Work> clusters, Bounds bounds) {
        int k = clusters.size();
        double[] cx = new double[k];
        double[] cy = new double[k];
        for (int c = 0; c < k; c++) {
            cx[c] = clusters.get(c).x;
            cy[c] = clusters.get(c).y;
        }
        // Half the distance from each centre to its nearest other centre.
        double[] half = new double[k];
        for (int c = 0; c < k; c++) {
            double nearest = Double.POSITIVE_INFINITY;
            for (int d = 0; d < k; d++) {
                if (d != c) {
                    double dx = cx[c] - cx[d];
                    double dy = cy[c] - cy[d];
                    nearest = Math.min(nearest, dx * dx + dy * dy);
                }
            }
            half[c] = Math.sqrt(nearest) / 2;
        }
        int[] parts = Parallel.split(ids.length, PARALLEL_POINTS);
        boolean valid = bounds.valid;
        Parallel.run(parts.length - 1, part -> assign(cx, cy, half, bounds, valid, parts[part], parts[part + 1]));
        List<Work> next = new ArrayList<>(k);
        Work[] byIndex = new Work[k];
        for (int c = 0; c < k; c++) {
            byIndex[c] = new Work(clusters.get(c).id, cx[c], cy[c]);
        }
        int[] assignment = bounds.assignment;
        for (int i = 0; i < ids.length; i++) {
            byIndex[assignment[i]].add(i);
        }
        int[] newIndex = new int[k];
        double[] moved = new double[k];
        double maxMoved = 0;
        for (int c = 0; c < k; c++) {
            Work w = byIndex[c];
            newIndex[c] = -1;
            if (w.size > 0) {
                recenter(w);
                newIndex[c] = next.size();
                next.add(w);
                double dx = w.x - cx[c];
                double dy = w.y - cy[c];
                moved[c] = Math.sqrt(dx * dx + dy * dy);
                maxMoved = Math.max(maxMoved, moved[c]);
            }
        }
        for (int i = 0; i < ids.length; i++) {
            int c = assignment[i];
            bounds.upper[i] += moved[c];
            bounds.lower[i] -= maxMoved; // a vanished centre only makes the true second distance larger
            assignment[i] = newIndex[c];
        }
        bounds.valid = true;
        return next;
    }

    /** Assigns points [from, to) to their nearest centre (ties: the last), skipping those the bounds settle. */
    private void assign(double[] cx, double[] cy, double[] half, Bounds b, boolean valid, int from, int to) {
        int k = cx.length;
        for (int i = from; i < to; i++) {
            double x = xs[i];
            double y = ys[i];
            if (valid) {
                int a = b.assignment[i];
                double limit = Math.max(half[a], b.lower[i]);
                // A margin keeps points near a tie out of the shortcut: they get the full comparison.
                if (b.upper[i] * (1 + 1e-9) < limit) {
                    continue;
                }
                double dx = x - cx[a];
                double dy = y - cy[a];
                b.upper[i] = Math.sqrt(dx * dx + dy * dy);
                if (b.upper[i] * (1 + 1e-9) < limit) {
                    continue;
                }
            }
            int best = 0;
            double bestDistance = Double.POSITIVE_INFINITY;
            double second = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                double dx = x - cx[c];
                double dy = y - cy[c];
                double d = dx * dx + dy * dy;
                if (d <= bestDistance) {
                    second = bestDistance;
                    bestDistance = d;
                    best = c;
                } else if (d < second) {
                    second = d;
                }
            }
            b.assignment[i] = best;
            b.upper[i] = Math.sqrt(bestDistance);
            b.lower[i] = Math.sqrt(second);
        }
    }

    /** Converged when the same ids remain and each centre moved less than 0.01 (§16 C5: paired by id). */
    private static boolean sameClustering(List<Work> before, List<Work> after) {
        if (before.size() != after.size()) {
            return false;
        }
        for (int i = 0; i < before.size(); i++) {
            Work a = before.get(i);
            Work b = after.get(i);
            if (a.id != b.id) {
                return false;
            }
            double dx = a.x - b.x;
            double dy = a.y - b.y;
            if (!(Math.sqrt(dx * dx + dy * dy) < CONVERGED)) {
                return false;
            }
        }
        return true;
    }
}
