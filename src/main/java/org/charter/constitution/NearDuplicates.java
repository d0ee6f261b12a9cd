package org.charter.constitution;

import smile.clustering.HierarchicalClustering;
import smile.clustering.linkage.CompleteLinkage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Groups statements that say the same thing. Texts become character n-gram TF-IDF vectors ({@link TextVectors});
 * the distance of two statements is 1 − cosine similarity; Smile's agglomerative {@link HierarchicalClustering} with
 * {@link CompleteLinkage} builds the tree, which is cut at 1 − threshold. Complete linkage means that <em>every</em>
 * two statements in a group are at least {@code threshold} similar, so a group never chains from one topic to
 * another through intermediate statements (single linkage would).
 *
 * <p>One guard: two statements whose negations differ in parity ("The AI should have emotions" / "The AI should not
 * have emotions") are never merged, however similar their text — their distance is set to the maximum, 1. A
 * negation is one of: not, no, never, nor, none, neither, cannot, or a word ending in n't (also typed without the
 * apostrophe, e.g. "dont", "shouldnt"). Two negations cancel ("we should not not act"), hence parity.
 *
 * <p>Cost: n(n − 1)/2 similarities and Smile's float proximity matrix of n(n + 1)/2 entries for n statements — meant
 * for the candidate principles of a conversation (hundreds, a few thousand at most), not for all its statements.
 */
public final class NearDuplicates {

    private static final Set<String> NEGATIONS = Set.of("not", "no", "never", "nor", "none", "neither", "cannot",
            "dont", "doesnt", "didnt", "shouldnt", "wouldnt", "couldnt", "cant", "wont", "isnt", "arent", "wasnt",
            "werent", "mustnt", "havent", "hasnt", "hadnt", "neednt", "aint");

    private NearDuplicates() {
    }

    /**
     * Groups of near-duplicate texts.
     *
     * @param texts     the texts to group
     * @param vectors   TF-IDF weights (fitted on the conversation's statements)
     * @param threshold the least cosine similarity between any two members of a group, in (0, 1]
     * @return groups as indices into {@code texts}; every index appears in exactly one group; groups are in order of
     *         their smallest index, members ascending
     */
    public static List<List<Integer>> groups(List<String> texts, TextVectors vectors, double threshold) {
        int n = texts.size();
        List<List<Integer>> singletons = new ArrayList<>();
        if (n < 2) {
            for (int i = 0; i < n; i++) {
                singletons.add(List.of(i));
            }
            return singletons;
        }
        TextVectors.Vector[] v = new TextVectors.Vector[n];
        boolean[] negated = new boolean[n];
        for (int i = 0; i < n; i++) {
            v[i] = vectors.vector(texts.get(i));
            negated[i] = negationParity(texts.get(i));
        }
        double[][] distance = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double d = negated[i] != negated[j] ? 1 : 1 - v[i].cosine(v[j]);
                distance[i][j] = d;
                distance[j][i] = d;
            }
        }
        HierarchicalClustering tree = HierarchicalClustering.fit(new CompleteLinkage(distance));
        return cut(tree, n, 1 - threshold);
    }

    /**
     * The clusters formed by the merges at height at most {@code height}. Smile's own {@code partition(h)} refuses a
     * cut that leaves a single cluster, and a threshold must be able to merge everything, so the tree is cut here:
     * complete-linkage heights never decrease, so these are exactly the merges below the cut.
     */
    static List<List<Integer>> cut(HierarchicalClustering tree, int n, double height) {
        // Smile keeps distances as float, and identical texts have a cosine of 1 only up to rounding: a pair within
        // 1e-6 of the threshold merges, so that a threshold of 1 merges identical texts
        double limit = height + 1e-6;
        int[] parent = new int[2 * n - 1];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        int[][] merges = tree.tree();
        double[] heights = tree.height();
        for (int i = 0; i < merges.length; i++) {
            if (heights[i] <= limit) {
                parent[find(parent, merges[i][0])] = n + i;
                parent[find(parent, merges[i][1])] = n + i;
            }
        }
        List<List<Integer>> groups = new ArrayList<>();
        java.util.Map<Integer, List<Integer>> byRoot = new java.util.LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            byRoot.computeIfAbsent(find(parent, i), r -> new ArrayList<>()).add(i);
        }
        groups.addAll(byRoot.values());
        groups.sort(Comparator.comparingInt(List::getFirst));
        return groups;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** True when the text has an odd number of negations. */
    static boolean negationParity(String text) {
        String t = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        int count = 0;
        for (String word : t.split("[^\\p{L}\\p{N}']+")) {
            String w = word.replace("'", "");
            if (NEGATIONS.contains(w) || word.endsWith("n't")) {
                count++;
            }
        }
        return count % 2 == 1;
    }
}
