package org.charter.opinions;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A model answer set: a name (model + condition, e.g. {@code claude-default}, {@code claude-cross-national:Japan})
 * and, per question id, the model's probability distribution over that question's options (normalized to sum 1).
 * {@code warnings} records repairs made while reading (normalized sums, lines left out in lenient mode).
 */
public record AnswerSet(String name, Map<Integer, double[]> distributions, List<Issue> warnings) {

    public AnswerSet {
        TreeMap<Integer, double[]> copy = new TreeMap<>();
        distributions.forEach((qid, d) -> copy.put(qid, d.clone()));
        distributions = Collections.unmodifiableMap(copy);
        warnings = List.copyOf(warnings);
    }

    /** The model's distribution for a question (a copy), or null when the set does not answer it. */
    public double[] distribution(int qid) {
        double[] d = distributions.get(qid);
        return d == null ? null : d.clone();
    }

    double[] distributionUnsafe(int qid) {
        return distributions.get(qid);
    }

    public int size() {
        return distributions.size();
    }
}
