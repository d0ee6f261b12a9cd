package org.charter.constitution;

import smile.feature.extraction.HashEncoder;
import smile.util.SparseArray;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Character n-gram TF-IDF vectors of short texts, for near-duplicate detection and for comparing constitutions.
 *
 * <p>A text is normalized (Unicode NFKC, lower case, every run of characters other than letters and digits becomes
 * one space), common English function words are removed ({@link #STOP_WORDS}: articles, auxiliaries and modals,
 * pronouns, common prepositions, "always", "very" — but never a negation), a space is added at both ends, and the
 * rest is cut into its overlapping character n-grams for n = 3, 4 and 5 (across word boundaries, so word order counts
 * a little), and the n-grams are hashed into 2<sup>20</sup> features with Smile's
 * {@link HashEncoder} (MurmurHash3, counts). Weights are sublinear term frequency times smoothed inverse document
 * frequency over the corpus the vectors are fitted on, as in scikit-learn's {@code TfidfVectorizer(sublinear_tf=True)}
 * (Manning, Raghavan and Schütze, <i>Introduction to Information Retrieval</i>, 2008, §6.2–6.4):
 * w = (1 + ln tf) · (ln((1 + N)/(1 + df)) + 1), and each vector is scaled to unit length, so the dot product of two
 * vectors is their cosine similarity. Character n-grams make "harm"/"harmful", "don't"/"do not"-style variants and
 * typos close without a stemmer.
 */
public final class TextVectors {

    static final int FEATURES = 1 << 20;
    private static final int MIN_N = 3;
    private static final int MAX_N = 5;

    /**
     * Function words that say nothing about what a statement asks for: "The AI should always be honest" and "AI
     * should be honest" are the same principle. Negations (not, no, never …) are kept.
     */
    static final Set<String> STOP_WORDS = Set.of("a", "an", "the", "is", "are", "be", "been", "being", "was", "were",
            "am", "should", "must", "will", "would", "shall", "can", "could", "may", "might", "always", "also", "just",
            "to", "of", "and", "or", "in", "on", "at", "for", "with", "by", "it", "its", "this", "that", "i", "we",
            "you", "they", "he", "she", "my", "our", "your", "their", "do", "does", "has", "have", "had", "as", "so",
            "very", "all", "any", "some", "more", "most", "than", "then", "there", "here", "what", "which", "who",
            "whom", "about", "into", "from", "up", "out", "if", "but", "too");

    private final HashEncoder encoder = new HashEncoder(TextVectors::ngrams, FEATURES, false);
    private final Map<Integer, Integer> documentFrequency;
    private final int documents;

    private TextVectors(Map<Integer, Integer> documentFrequency, int documents) {
        this.documentFrequency = documentFrequency;
        this.documents = documents;
    }

    /** Inverse document frequencies from this corpus (texts may repeat; each counts once per occurrence). */
    public static TextVectors fit(List<String> corpus) {
        TextVectors empty = new TextVectors(Map.of(), 0);
        Map<Integer, Integer> df = new HashMap<>();
        for (String text : corpus) {
            for (SparseArray.Entry e : empty.encoder.apply(text)) {
                df.merge(e.index(), 1, Integer::sum);
            }
        }
        return new TextVectors(df, corpus.size());
    }

    /** The normalized form the n-grams are cut from. */
    static String normalize(String text) {
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        StringBuilder content = new StringBuilder();
        for (String word : t.split(" ")) {
            if (!word.isEmpty() && !STOP_WORDS.contains(word)) {
                content.append(word).append(' ');
            }
        }
        // a text made of function words only ("No other statement" keeps "no") is compared as it is
        String kept = content.isEmpty() ? t : content.toString().strip();
        return " " + kept + " ";
    }

    static String[] ngrams(String text) {
        String t = normalize(text);
        if (t.isBlank()) {
            return new String[0];
        }
        List<String> grams = new ArrayList<>();
        for (int n = MIN_N; n <= MAX_N; n++) {
            for (int i = 0; i + n <= t.length(); i++) {
                grams.add(t.substring(i, i + n));
            }
        }
        if (grams.isEmpty()) {
            grams.add(t); // a one-character text
        }
        return grams.toArray(String[]::new);
    }

    /** The unit-length TF-IDF vector of a text (all zeros, i.e. no entries, for a text without letters or digits). */
    public Vector vector(String text) {
        SparseArray counts = encoder.apply(text);
        int n = counts.size();
        int[] index = new int[n];
        double[] value = new double[n];
        int k = 0;
        for (SparseArray.Entry e : counts) {
            index[k] = e.index();
            double idf = Math.log((1.0 + documents) / (1.0 + documentFrequency.getOrDefault(e.index(), 0))) + 1;
            value[k] = (1 + Math.log(e.value())) * idf;
            k++;
        }
        // sort by feature index so that dot products are a merge of two sorted lists
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(index[a], index[b]));
        int[] sortedIndex = new int[n];
        double[] sortedValue = new double[n];
        double norm = 0;
        for (int i = 0; i < n; i++) {
            sortedIndex[i] = index[order[i]];
            sortedValue[i] = value[order[i]];
            norm += sortedValue[i] * sortedValue[i];
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
            for (int i = 0; i < n; i++) {
                sortedValue[i] /= norm;
            }
        }
        return new Vector(sortedIndex, sortedValue);
    }

    /** A sparse unit vector: feature indices ascending, with their weights. */
    public record Vector(int[] index, double[] value) {

        /** Cosine similarity with another unit vector: their dot product, in [0, 1] (weights are positive). */
        public double cosine(Vector o) {
            double dot = 0;
            int i = 0;
            int j = 0;
            while (i < index.length && j < o.index.length) {
                int a = index[i];
                int b = o.index[j];
                if (a == b) {
                    dot += value[i++] * o.value[j++];
                } else if (a < b) {
                    i++;
                } else {
                    j++;
                }
            }
            return Math.min(1, dot);
        }
    }
}
