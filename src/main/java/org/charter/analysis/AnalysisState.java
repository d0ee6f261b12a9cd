package org.charter.analysis;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything the next update of a conversation's analysis depends on (polis-math.md §8, §14.7): Polis keeps part
 * of this in memory only, so its results change when its worker restarts; Charter stores all of it with each
 * snapshot, so that a restart changes nothing. It round-trips exactly through Jackson (plain records, arrays and
 * maps; doubles are written with enough digits to be read back bit for bit). Polis also carries the previous
 * update's group votes (for routing) and its moderation sets; Charter needs neither, since routing uses the current
 * update's votes and moderation comes with each input.
 *
 * @param format           version of this layout ({@link #FORMAT}); a stored state of another format is ignored
 *                         by {@link OpinionAnalysis#update} (it starts cold)
 * @param tick             number of updates so far (Polis's {@code math_tick})
 * @param seed             seed of every random choice (PCA guard vectors, bridging initialization)
 * @param pca              the last principal components, for the warm start, or null before the first fit
 * @param baseClusters     the last base clusters ("buckets", §3.1), members are participant ids; empty when there
 *                         are none yet
 * @param groupClusterings the last group clustering for each candidate k (§3.3), members are base-cluster ids;
 *                         Polis keeps these only in memory
 * @param smoother         the k smoother (§3.5)
 * @param inConversation   participants ever admitted to clustering (§1.4, §16 C3), ascending
 */
public record AnalysisState(int format, long tick, long seed, PcaState pca, List<Cluster> baseClusters,
                            Map<Integer, List<Cluster>> groupClusterings, KSmoother smoother,
                            long[] inConversation) {

    /** The current layout version. */
    public static final int FORMAT = 1;

    public AnalysisState {
        baseClusters = List.copyOf(baseClusters);
        TreeMap<Integer, List<Cluster>> sorted = new TreeMap<>();
        groupClusterings.forEach((k, clusters) -> sorted.put(k, List.copyOf(clusters)));
        groupClusterings = Collections.unmodifiableMap(sorted);
        Objects.requireNonNull(smoother, "smoother");
        Objects.requireNonNull(inConversation, "inConversation");
    }

    /** The state before the first update. */
    public static AnalysisState initial(long seed) {
        return new AnalysisState(FORMAT, 0, seed, null, List.of(), Map.of(), KSmoother.EMPTY, new long[0]);
    }

    /**
     * A cluster of the Polis k-means (§3.2): base clusters group participants, group clusters group base clusters.
     *
     * @param id      the cluster's id, stable across updates; a new cluster takes the next id after the largest
     *                present (§3.2)
     * @param members participant ids (base clusters) or base-cluster ids (group clusters), ascending
     * @param x       centre, first coordinate
     * @param y       centre, second coordinate
     */
    public record Cluster(int id, long[] members, double x, double y) {

        public Cluster {
            Objects.requireNonNull(members, "members");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Cluster c && id == c.id && Arrays.equals(members, c.members)
                    && Double.compare(x, c.x) == 0 && Double.compare(y, c.y) == 0;
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, Arrays.hashCode(members), x, y);
        }

        @Override
        public String toString() {
            return "Cluster[id=" + id + ", members=" + members.length + ", x=" + x + ", y=" + y + "]";
        }
    }

    /**
     * The principal components of the last update, by statement id, for the next warm start (§2.3).
     *
     * @param statementIds the matrix columns, ascending
     * @param center       μ per column
     * @param comp1        first component per column
     * @param comp2        second component per column
     */
    public record PcaState(long[] statementIds, double[] center, double[] comp1, double[] comp2) {

        @Override
        public boolean equals(Object o) {
            return o instanceof PcaState p && Arrays.equals(statementIds, p.statementIds)
                    && Arrays.equals(center, p.center) && Arrays.equals(comp1, p.comp1)
                    && Arrays.equals(comp2, p.comp2);
        }

        @Override
        public int hashCode() {
            return Objects.hash(Arrays.hashCode(statementIds), Arrays.hashCode(comp1), Arrays.hashCode(comp2));
        }

        @Override
        public String toString() {
            return "PcaState[columns=" + statementIds.length + "]";
        }
    }

    /**
     * Temporal smoothing of the number of groups (§3.5): a new best k must win {@code group-k-buffer} (4)
     * consecutive updates before the groups shown change.
     *
     * @param lastK      the best k of the last update, or null before any
     * @param lastKCount how many consecutive updates it has been best
     * @param smoothedK  the k in use, or null before any
     */
    public record KSmoother(Integer lastK, int lastKCount, Integer smoothedK) {

        public static final KSmoother EMPTY = new KSmoother(null, 0, null);

        /**
         * The smoother after an update whose best k is {@code thisK}; a stale smoothed k that is no longer a
         * candidate falls back to {@code thisK} (Polis #2536).
         */
        KSmoother next(int thisK, int buffer, java.util.Set<Integer> candidates) {
            int count = lastK != null && lastK == thisK ? lastKCount + 1 : 1;
            Integer smoothed;
            if (count >= buffer) {
                smoothed = thisK;
            } else if (smoothedK != null && candidates.contains(smoothedK)) {
                smoothed = smoothedK;
            } else {
                smoothed = thisK;
            }
            return new KSmoother(thisK, count, smoothed);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AnalysisState s && format == s.format && tick == s.tick && seed == s.seed
                && Objects.equals(pca, s.pca) && baseClusters.equals(s.baseClusters)
                && groupClusterings.equals(s.groupClusterings) && smoother.equals(s.smoother)
                && Arrays.equals(inConversation, s.inConversation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(format, tick, seed, pca, baseClusters, groupClusterings, smoother,
                Arrays.hashCode(inConversation));
    }

    @Override
    public String toString() {
        return "AnalysisState[tick=" + tick + ", inConversation=" + inConversation.length + ", baseClusters="
                + baseClusters.size() + ", smoother=" + smoother + "]";
    }
}
