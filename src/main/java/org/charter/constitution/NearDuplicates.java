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
 * <p>Cost: n(n − 1)/2 similarities for n statements, then the clustering of each group of statements connected by
 * similarities above the threshold (small in practice) — meant for the candidate principles of a conversation
 * (hundreds, a few thousand), measured by {@code charter bench constitution} (BENCHMARKS.md).
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
        // Complete-linkage groups below the cut lie inside the connected components of the graph "similar enough",
        // and the tree of a component does not depend on the other components (a cluster's distance to another is
        // the largest distance between their members): so only components of two or more are clustered, each alone.
        double cut = 1 - threshold;
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (long pair : similarPairs(v, threshold - 1e-6)) {
            int i = (int) (pair >>> 32);
            int j = (int) pair;
            if (distance(v, negated, i, j) <= cut + 1e-6) {
                parent[find(parent, i)] = find(parent, j);
            }
        }
        java.util.Map<Integer, List<Integer>> components = new java.util.LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            components.computeIfAbsent(find(parent, i), r -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> groups = new ArrayList<>();
        for (List<Integer> component : components.values()) {
            if (component.size() == 1) {
                groups.add(component);
                continue;
            }
            int m = component.size();
            double[][] distance = new double[m][m];
            for (int a = 0; a < m; a++) {
                for (int b = 0; b < a; b++) {
                    double d = distance(v, negated, component.get(a), component.get(b));
                    distance[a][b] = d;
                    distance[b][a] = d;
                }
            }
            HierarchicalClustering tree = HierarchicalClustering.fit(new CompleteLinkage(distance));
            for (List<Integer> local : cut(tree, m, cut)) {
                groups.add(local.stream().map(component::get).toList());
            }
        }
        groups.sort(Comparator.comparingInt(List::getFirst));
        return groups;
    }

    /**
     * The pairs (i &lt;&lt; 32 | j, j &lt; i) that may have a cosine of at least {@code t}: the others are skipped
     * without computing their similarity, by prefix filtering (Bayardo, Ma and Srikant, "Scaling up all pairs
     * similarity search", WWW 2007). Features are ordered rarest first; a vector's prefix is its shortest run of
     * rarest features after which the rest of the vector has norm below t. Two unit vectors with cosine ≥ t share a
     * feature of the prefix of each (otherwise their dot product is at most the norm of a suffix, below t), so only
     * pairs sharing a feature with an indexed prefix are returned (a superset of the similar pairs, checked exactly by
     * the caller).
     */
    static List<Long> similarPairs(TextVectors.Vector[] v, double t) {
        java.util.Map<Integer, Integer> df = new java.util.HashMap<>();
        for (TextVectors.Vector x : v) {
            for (int f : x.index()) {
                df.merge(f, 1, Integer::sum);
            }
        }
        java.util.Map<Integer, List<Integer>> postings = new java.util.HashMap<>();
        List<Long> pairs = new ArrayList<>();
        int[] seen = new int[v.length];
        java.util.Arrays.fill(seen, -1);
        for (int i = 0; i < v.length; i++) {
            int[] index = v[i].index();
            double[] value = v[i].value();
            for (int f : index) {
                List<Integer> list = postings.get(f);
                if (list != null) {
                    for (int j : list) {
                        if (seen[j] != i) {
                            seen[j] = i;
                            pairs.add(((long) i << 32) | j);
                        }
                    }
                }
            }
            Integer[] order = new Integer[index.length];
            for (int k = 0; k < order.length; k++) {
                order[k] = k;
            }
            java.util.Arrays.sort(order, Comparator.<Integer>comparingInt(k -> df.get(index[k])).thenComparingInt(k -> index[k]));
            double suffix = 0;
            for (double w : value) {
                suffix += w * w;
            }
            for (int k = 0; k < order.length && suffix >= t * t; k++) {
                postings.computeIfAbsent(index[order[k]], f -> new ArrayList<>()).add(i);
                suffix -= value[order[k]] * value[order[k]];
            }
        }
        return pairs;
    }

    /** 1 − cosine similarity, or 1 when the negation parities differ. */
    private static double distance(TextVectors.Vector[] v, boolean[] negated, int i, int j) {
        return negated[i] != negated[j] ? 1 : 1 - v[i].cosine(v[j]);
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
