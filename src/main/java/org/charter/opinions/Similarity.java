package org.charter.opinions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whose opinions does a model's answer set resemble? The measurement of Durmus et al. 2023 (GlobalOpinionQA):
 * for each answered question and each country that answered it, similarity = 1 − distance between the model's and
 * the country's answer distributions ({@link JensenShannon}, or {@link Wasserstein} for ordinal questions); a
 * country's similarity is the mean over its questions, with a {@link Bootstrap} 95% interval; countries are ranked
 * best first.
 */
public final class Similarity {

    /** Best first; ties by more questions, then by name, so rankings are stable. */
    static final Comparator<CountryScore> RANKING = Comparator.comparingDouble(CountryScore::similarity).reversed()
            .thenComparing(Comparator.comparingInt(CountryScore::questions).reversed())
            .thenComparing(CountryScore::country);

    private Similarity() {
    }

    public static SimilarityReport report(SurveyDataset dataset, AnswerSet answers, SimilarityOptions options) {
        PairScores scores = PairScores.compute(dataset, answers, options);
        List<CountryScore> countries = scores.byCountry.entrySet().parallelStream()
                .filter(e -> e.getValue().size() >= options.minQuestions())
                .map(e -> score(e.getKey(), e.getValue(), options))
                .sorted(RANKING)
                .toList();
        SimilarityReport.Skips s = scores.skips;
        SimilarityReport.Skips skips = new SimilarityReport.Skips(s.zeroOrMissingShares(), s.unanswered(),
                s.withoutCountries(), s.notOrdinal(), s.modelOffScale(), scores.byCountry.size() - countries.size());
        return new SimilarityReport(dataset.name(), answers.name(), scores.matchedQuestions, options.metric().label(),
                options.logBaseLabel(), countries, skips, Bootstrap.settings(options), scores.histogram());
    }

    private static CountryScore score(String country, PairScores.CountryPairs pairs, SimilarityOptions options) {
        double[] ci = Bootstrap.meanInterval(pairs.similarities(), pairs.size(), options.resamples(), options.seed(), country);
        return new CountryScore(country, CountryCodes.iso3(country).orElse(null), pairs.mean(), pairs.size(), ci);
    }

    /** One question's similarity for one country, for a per-country list of questions. */
    public record QuestionScore(int qid, String question, double similarity) {
    }

    /** Every question compared for {@code country}, least similar first (where the model misses that country most). */
    public static List<QuestionScore> questionScores(SurveyDataset dataset, AnswerSet answers, SimilarityOptions options,
                                                     String country) {
        PairScores.CountryPairs pairs = PairScores.compute(dataset, answers, options).byCountry.get(country);
        if (pairs == null) {
            return List.of();
        }
        List<QuestionScore> list = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            int qid = pairs.qids()[i];
            list.add(new QuestionScore(qid, dataset.question(qid).orElseThrow().text(), pairs.similarities()[i]));
        }
        list.sort(Comparator.comparingDouble(QuestionScore::similarity).thenComparingInt(QuestionScore::qid));
        return list;
    }

    /** A country's answers to one question beside the model's, normalized, with their similarity (null if skipped). */
    public record CountryAnswer(String country, String iso3, double[] shares, Double similarity) {
    }

    /**
     * Drill-down for one question: options, the ordinal scale if any, the model's distribution (null when the set
     * does not answer it) and every country's distribution with its similarity to the model.
     */
    public record QuestionDetail(int qid, String question, String source, List<String> options, List<Double> ordinal,
                                 String ordinalBasis, double[] model, List<CountryAnswer> countries) {
    }

    public static QuestionDetail questionDetail(SurveyQuestion q, AnswerSet answers, SimilarityOptions options) {
        double[] model = answers.distribution(q.qid());
        List<CountryAnswer> countries = new ArrayList<>();
        for (Map.Entry<String, double[]> c : q.countries().entrySet()) {
            double s = model == null || (options.metric() == Metric.WASSERSTEIN && q.ordinal() == null)
                    ? Double.NaN : PairScores.similarity(q, model, c.getValue(), options);
            countries.add(new CountryAnswer(c.getKey(), CountryCodes.iso3(c.getKey()).orElse(null),
                    normalized(c.getValue()), Double.isNaN(s) ? null : s));
        }
        countries.sort(Comparator.comparingDouble((CountryAnswer a) -> a.similarity() == null ? -1 : a.similarity())
                .reversed().thenComparing(CountryAnswer::country));
        return new QuestionDetail(q.qid(), q.text(), q.source(), q.options(), positions(q.ordinal()),
                q.ordinal() == null ? null : q.ordinal().basis(), model, countries);
    }

    /** Scale positions for JSON: null for an option off the scale; null altogether for a nominal question. */
    public static List<Double> positions(OrdinalScale scale) {
        if (scale == null) {
            return null;
        }
        List<Double> list = new ArrayList<>();
        for (double p : scale.positions()) {
            list.add(Double.isNaN(p) ? null : p);
        }
        return java.util.Collections.unmodifiableList(list);
    }

    /** Shares scaled to sum 1, missing shares as 0; all zeros stay zeros. */
    static double[] normalized(double[] shares) {
        double sum = 0;
        for (double s : shares) {
            sum += Double.isNaN(s) ? 0 : s;
        }
        double[] out = new double[shares.length];
        for (int i = 0; i < shares.length; i++) {
            double s = Double.isNaN(shares[i]) ? 0 : shares[i];
            out[i] = sum > 0 ? s / sum : 0;
        }
        return out;
    }

    /**
     * Per-country change from answer set {@code before} to {@code after} (e.g. default → cross-national prompting),
     * over the questions both sets answer, largest gain first. The interval is a paired bootstrap of the mean change
     * (the same questions resampled for both sets).
     */
    public static ComparisonReport compare(SurveyDataset dataset, AnswerSet before, AnswerSet after,
                                           SimilarityOptions options) {
        Set<Integer> common = new HashSet<>(before.distributions().keySet());
        common.retainAll(after.distributions().keySet());
        PairScores a = PairScores.compute(dataset, before, options, common);
        PairScores b = PairScores.compute(dataset, after, options, common);
        List<ComparisonReport.CountryChange> changes = a.byCountry.entrySet().parallelStream()
                .filter(e -> b.byCountry.containsKey(e.getKey()))
                .map(e -> change(e.getKey(), e.getValue(), b.byCountry.get(e.getKey()), options))
                .filter(c -> c.questions() > 0 && c.questions() >= options.minQuestions())
                .sorted(Comparator.comparingDouble(ComparisonReport.CountryChange::change).reversed()
                        .thenComparing(ComparisonReport.CountryChange::country))
                .toList();
        java.util.BitSet both = (java.util.BitSet) a.matchedQids.clone();
        both.and(b.matchedQids);
        return new ComparisonReport(dataset.name(), before.name(), after.name(), both.cardinality(),
                options.metric().label(), options.logBaseLabel(), changes, Bootstrap.settings(options));
    }

    private static ComparisonReport.CountryChange change(String country, PairScores.CountryPairs a,
                                                         PairScores.CountryPairs b, SimilarityOptions options) {
        int n = 0;
        double[] diffs = new double[a.size()];
        double sumA = 0;
        double sumB = 0;
        for (int i = 0; i < a.size(); i++) {
            double sb = b.similarity(a.qids()[i]);
            if (!Double.isNaN(sb)) {
                sumA += a.similarities()[i];
                sumB += sb;
                diffs[n++] = sb - a.similarities()[i];
            }
        }
        if (n == 0) {
            return new ComparisonReport.CountryChange(country, null, Double.NaN, Double.NaN, Double.NaN, 0, null);
        }
        double[] ci = Bootstrap.meanInterval(diffs, n, options.resamples(), options.seed(), country);
        return new ComparisonReport.CountryChange(country, CountryCodes.iso3(country).orElse(null), sumA / n, sumB / n,
                (sumB - sumA) / n, n, ci);
    }
}
