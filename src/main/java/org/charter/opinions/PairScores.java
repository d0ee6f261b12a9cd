package org.charter.opinions;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Similarity of every (answered question, country) pair that can be compared, grouped by country, with the counts
 * of what could not. The building block of rankings, comparisons and histograms.
 */
final class PairScores {

    /** One country's questions (qids ascending) and similarities. */
    record CountryPairs(int[] qids, double[] similarities, int size) {
        double mean() {
            double sum = 0;
            for (int i = 0; i < size; i++) {
                sum += similarities[i];
            }
            return sum / size;
        }

        /** Similarity for a qid, or NaN when the pair was not compared. */
        double similarity(int qid) {
            int i = Arrays.binarySearch(qids, 0, size, qid);
            return i < 0 ? Double.NaN : similarities[i];
        }
    }

    final Map<String, CountryPairs> byCountry;
    final java.util.BitSet matchedQids;
    final int matchedQuestions;
    final SimilarityReport.Skips skips;

    private PairScores(Map<String, CountryPairs> byCountry, java.util.BitSet matchedQids, SimilarityReport.Skips skips) {
        this.byCountry = byCountry;
        this.matchedQids = matchedQids;
        this.matchedQuestions = matchedQids.cardinality();
        this.skips = skips;
    }

    /** Similarity of one model distribution and one country's shares; NaN when they cannot be compared. */
    static double similarity(SurveyQuestion q, double[] model, double[] shares, SimilarityOptions options) {
        double[] clean = shares;
        for (double s : shares) {
            if (Double.isNaN(s)) {
                clean = shares.clone(); // a missing share counts as 0
                for (int i = 0; i < clean.length; i++) {
                    if (Double.isNaN(clean[i])) {
                        clean[i] = 0;
                    }
                }
                break;
            }
        }
        return switch (options.metric()) {
            case JSD -> JensenShannon.similarity(model, clean, options.logBase());
            case WASSERSTEIN -> q.ordinal() == null ? Double.NaN : Wasserstein.similarity(model, clean, q.ordinal());
        };
    }

    static PairScores compute(SurveyDataset dataset, AnswerSet answers, SimilarityOptions options) {
        return compute(dataset, answers, options, null);
    }

    /** As {@link #compute(SurveyDataset, AnswerSet, SimilarityOptions)}, limited to {@code onlyQids} when not null. */
    static PairScores compute(SurveyDataset dataset, AnswerSet answers, SimilarityOptions options,
                              java.util.Set<Integer> onlyQids) {
        Map<String, Growing> growing = new HashMap<>();
        java.util.BitSet matched = new java.util.BitSet();
        int zeroOrMissing = 0;
        int unanswered = 0;
        int withoutCountries = 0;
        int notOrdinal = 0;
        int modelOffScale = 0;
        for (SurveyQuestion q : dataset.questions()) {
            if (onlyQids != null && !onlyQids.contains(q.qid())) {
                continue;
            }
            double[] model = answers.distributionUnsafe(q.qid());
            if (model == null) {
                unanswered++;
                continue;
            }
            if (model.length != q.options().size()) {
                throw new IllegalArgumentException("answer for question " + q.qid() + " has " + model.length
                        + " values for " + q.options().size() + " options");
            }
            if (options.metric() == Metric.WASSERSTEIN) {
                if (q.ordinal() == null) {
                    notOrdinal++;
                    continue;
                }
                if (!hasMassOnScale(model, q.ordinal())) {
                    modelOffScale++;
                    continue;
                }
            }
            int compared = 0;
            for (Map.Entry<String, double[]> c : q.countries().entrySet()) {
                double s = similarity(q, model, c.getValue(), options);
                if (Double.isNaN(s)) {
                    zeroOrMissing++;
                    continue;
                }
                growing.computeIfAbsent(c.getKey(), k -> new Growing()).add(q.qid(), s);
                compared++;
            }
            if (compared > 0) {
                matched.set(q.qid());
            } else {
                withoutCountries++;
            }
        }
        Map<String, CountryPairs> byCountry = new TreeMap<>();
        growing.forEach((country, g) -> byCountry.put(country, g.finish()));
        return new PairScores(Collections.unmodifiableMap(byCountry), matched,
                new SimilarityReport.Skips(zeroOrMissing, unanswered, withoutCountries, notOrdinal, modelOffScale, 0));
    }

    private static boolean hasMassOnScale(double[] model, OrdinalScale scale) {
        for (int i = 0; i < model.length; i++) {
            if (!Double.isNaN(scale.position(i)) && model[i] > 0) {
                return true;
            }
        }
        return false;
    }

    List<String> countries() {
        return List.copyOf(byCountry.keySet());
    }

    Histogram histogram() {
        int[] counts = new int[Histogram.BINS];
        for (CountryPairs p : byCountry.values()) {
            for (int i = 0; i < p.size(); i++) {
                counts[Histogram.bin(p.similarities()[i])]++;
            }
        }
        return new Histogram(1.0 / Histogram.BINS, counts);
    }

    /** Appends in question order (the dataset is walked by qid), so qids stay sorted for binary search. */
    private static final class Growing {
        int[] qids = new int[16];
        double[] values = new double[16];
        int size;

        void add(int qid, double value) {
            if (size == qids.length) {
                qids = Arrays.copyOf(qids, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            qids[size] = qid;
            values[size++] = value;
        }

        CountryPairs finish() {
            return new CountryPairs(qids, values, size);
        }
    }
}
