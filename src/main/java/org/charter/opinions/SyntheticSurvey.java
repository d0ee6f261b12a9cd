package org.charter.opinions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Synthetic survey data shaped like GlobalOpinionQA, for benchmarks: option counts like the real file's (mostly 4 to
 * 7, a few 2-point and 10/11-point scales), each question asked in a random subset of countries, country shares that
 * scatter around a per-question consensus and are rounded to 3 decimals as the published shares are, and a model
 * answer set that is a noisy version of the consensus.
 */
public final class SyntheticSurvey {

    private static final int[] OPTION_COUNTS = {2, 2, 3, 4, 4, 4, 5, 5, 5, 6, 7, 7, 11};
    private static final String[] SCALE = {"Very good", "Somewhat good", "Somewhat bad", "Very bad", "DK/Refused"};

    private SyntheticSurvey() {
    }

    /**
     * {@code questions} questions over {@code countries} countries; each question is asked in between
     * {@code minCountries} and {@code maxCountries} of them.
     */
    public static SurveyDataset dataset(int questions, int countries, int minCountries, int maxCountries, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> names = new ArrayList<>();
        for (int c = 0; c < countries; c++) {
            names.add("Country " + (c + 1));
        }
        List<SurveyQuestion> list = new ArrayList<>();
        for (int qid = 0; qid < questions; qid++) {
            int k = OPTION_COUNTS[random.nextInt(OPTION_COUNTS.length)];
            List<String> options = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                options.add(k <= SCALE.length ? SCALE[i] : i == 0 ? "Not at all" : i == k - 1 ? "Completely" : String.valueOf(i));
            }
            double[] consensus = dirichlet(k, random);
            Collections.shuffle(names, new java.util.Random(random.nextLong()));
            int n = minCountries + random.nextInt(maxCountries - minCountries + 1);
            Map<String, double[]> shares = new LinkedHashMap<>();
            for (String country : names.subList(0, n).stream().sorted().toList()) {
                shares.put(country, rounded(perturbed(consensus, 0.6, random)));
            }
            list.add(new SurveyQuestion(qid, qid + 2, "Synthetic question " + qid + "?", options,
                    qid % 7 == 0 ? "WVS" : "GAS", shares, OrdinalScales.infer(options).orElse(null)));
        }
        return new SurveyDataset("synthetic", questions, list, List.of(), List.of());
    }

    /** A model that answers every question near the consensus of the countries asked. */
    public static AnswerSet answers(SurveyDataset dataset, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<Integer, double[]> answers = new HashMap<>();
        for (SurveyQuestion q : dataset.questions()) {
            double[] mean = new double[q.options().size()];
            q.countries().values().forEach(s -> {
                for (int i = 0; i < s.length; i++) {
                    mean[i] += s[i];
                }
            });
            answers.put(q.qid(), Similarity.normalized(perturbed(Similarity.normalized(mean), 0.8, random)));
        }
        return new AnswerSet("synthetic-model", answers, List.of());
    }

    private static double[] dirichlet(int k, SplittableRandom random) {
        double[] v = new double[k];
        for (int i = 0; i < k; i++) {
            v[i] = -Math.log(1 - random.nextDouble()); // Gamma(1): a flat Dirichlet
        }
        return Similarity.normalized(v);
    }

    private static double[] perturbed(double[] base, double sigma, SplittableRandom random) {
        double[] v = new double[base.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = base[i] * Math.exp(sigma * gaussian(random)) + 1e-3;
        }
        return Similarity.normalized(v);
    }

    private static double[] rounded(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = Math.round(v[i] * 1000) / 1000.0;
        }
        return r;
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
