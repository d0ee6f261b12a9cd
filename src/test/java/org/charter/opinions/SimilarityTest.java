package org.charter.opinions;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimilarityTest {

    /** A model that answers every question exactly as {@code country} did. */
    static AnswerSet answersOf(SurveyDataset d, String country) {
        Map<Integer, double[]> answers = new HashMap<>();
        for (SurveyQuestion q : d.questions()) {
            double[] shares = q.shares(country);
            if (shares != null && java.util.Arrays.stream(Similarity.normalized(shares)).sum() > 0) {
                answers.put(q.qid(), Similarity.normalized(shares));
            }
        }
        return new AnswerSet(country + "-mirror", answers, List.of());
    }

    @Test
    void anAnswerSetEqualToACountrysDistributionsRanksThatCountryFirstWithSimilarityOne() throws Exception {
        SurveyDataset d = SurveyCsvReaderTest.sample();
        for (String country : List.of("Brazil", "Japan", "Nigeria", "Sweden")) {
            SimilarityReport r = Similarity.report(d, answersOf(d, country), SimilarityOptions.defaults());
            CountryScore first = r.countries().getFirst();
            assertEquals(country, first.country());
            assertEquals(1.0, first.similarity(), 1e-12);
            assertEquals(1.0, first.ci95()[0], 1e-12);
            assertEquals(1.0, first.ci95()[1], 1e-12);
            assertTrue(r.countries().get(1).similarity() < 1.0);
            long answered = d.questions().stream().filter(q -> q.shares(country) != null
                    && java.util.Arrays.stream(q.shares(country)).anyMatch(x -> x > 0)).count();
            assertEquals(answered, first.questions());
        }
    }

    private static final SurveyDataset SMALL = SurveyCsvReader.read("question,selections,options,source\n"
            + "Q0,\"{'A': [1.0, 0.0], 'B': [0.5, 0.5], 'Z': [0.0, 0.0]}\",\"['Yes', 'No']\",GAS\n"
            + "Q1,\"{'A': [0.2, 0.3, 0.5], 'B': [0.5, 0.3, 0.2]}\",\"['India', 'China', 'Japan']\",GAS\n"
            + "Q2,\"{'B': [nan, nan]}\",\"['Agree', 'Disagree']\",GAS\n"
            + "Q3,\"{'A': [0.6, 0.4]}\",\"['Agree', 'Disagree']\",GAS\n", "small.csv");

    @Test
    void perCountryMeansOverTheQuestionsEachCountryAnsweredAndSkipsAreCounted() {
        AnswerSet model = new AnswerSet("m", Map.of(0, new double[]{0.5, 0.5}, 1, new double[]{0.2, 0.3, 0.5},
                2, new double[]{1, 0}), List.of());
        SimilarityReport r = Similarity.report(SMALL, model, SimilarityOptions.defaults());
        assertEquals(2, r.questions(), "Q0 and Q1 were compared; Q2 had only missing shares, Q3 no answer");
        assertEquals("jsd", r.metric());
        assertEquals("2", r.logBase());
        // B: Q0 identical (1), Q1 mirrored (1 − 0.309541); A: Q0 certain vs even (1 − 0.557923), Q1 identical (1)
        CountryScore b = r.countries().get(0);
        CountryScore a = r.countries().get(1);
        assertEquals("B", b.country());
        assertEquals((1 + 1 - 0.309541) / 2, b.similarity(), 1e-6);
        assertEquals((1 - 0.557923 + 1) / 2, a.similarity(), 1e-6);
        assertEquals(2, a.questions());
        assertEquals(2, r.countries().size(), "Z answered nothing comparable");
        assertEquals(new SimilarityReport.Skips(2, 1, 1, 0, 0, 0), r.skipped(),
                "Z on Q0 and B on Q2 are all-zero/missing; Q3 unanswered; Q2 had no comparable country");
        assertEquals(4, java.util.Arrays.stream(r.histogram().counts()).sum());
    }

    @Test
    void countriesWithTooFewQuestionsAreCountedNotRanked() {
        AnswerSet model = new AnswerSet("m", Map.of(0, new double[]{0.5, 0.5}, 1, new double[]{0.2, 0.3, 0.5},
                3, new double[]{0.5, 0.5}), List.of());
        SimilarityReport r = Similarity.report(SMALL, model, SimilarityOptions.defaults().withMinQuestions(3));
        assertEquals(List.of("A"), r.countries().stream().map(CountryScore::country).toList(), "A answered Q0, Q1, Q3");
        assertEquals(1, r.skipped().fewQuestions(), "B answered two");
    }

    @Test
    void theNaturalLogVariantIsSmallerForTheSamePairs() {
        AnswerSet model = new AnswerSet("m", Map.of(0, new double[]{0.5, 0.5}), List.of());
        SimilarityReport two = Similarity.report(SMALL, model, SimilarityOptions.defaults());
        SimilarityReport e = Similarity.report(SMALL, model, SimilarityOptions.of(Metric.JSD, LogBase.E));
        assertEquals("e", e.logBase());
        CountryScore aTwo = two.countries().stream().filter(c -> c.country().equals("A")).findFirst().orElseThrow();
        CountryScore aE = e.countries().stream().filter(c -> c.country().equals("A")).findFirst().orElseThrow();
        assertEquals(1 - 0.557923, aTwo.similarity(), 1e-6);
        assertEquals(1 - 0.464501, aE.similarity(), 1e-6);
    }

    @Test
    void wassersteinComparesOnlyOrdinalQuestions() {
        AnswerSet model = new AnswerSet("m", Map.of(0, new double[]{0.5, 0.5}, 1, new double[]{0.2, 0.3, 0.5},
                3, new double[]{0.1, 0.9}), List.of());
        SimilarityReport r = Similarity.report(SMALL, model, SimilarityOptions.of(Metric.WASSERSTEIN, LogBase.TWO));
        assertEquals("wasserstein", r.metric());
        assertNull(r.logBase());
        assertEquals(1, r.skipped().notOrdinal(), "Q1 lists countries: nominal");
        // A: Q0 |1 − .5| = .5 → .5; Q3 |.6 − .1| = .5 → .5
        CountryScore a = r.countries().stream().filter(c -> c.country().equals("A")).findFirst().orElseThrow();
        assertEquals(0.5, a.similarity(), 1e-12);
        assertEquals(2, a.questions());
        assertEquals(2, r.questions());
    }

    @Test
    void intervalsAreReproducibleAndBracketTheMean() throws Exception {
        SurveyDataset d = SurveyCsvReaderTest.sample();
        AnswerSet model = answersOf(d, "Brazil");
        SimilarityReport r1 = Similarity.report(d, model, SimilarityOptions.defaults());
        SimilarityReport r2 = Similarity.report(d, model, SimilarityOptions.defaults());
        SimilarityReport other = Similarity.report(d, model, new SimilarityOptions(Metric.JSD, LogBase.TWO, 1000, 7));
        boolean anyDifference = false;
        for (int i = 0; i < r1.countries().size(); i++) {
            CountryScore c = r1.countries().get(i);
            assertArrayEquals(c.ci95(), r2.countries().get(i).ci95());
            assertTrue(c.ci95()[0] <= c.similarity() + 1e-12 && c.similarity() <= c.ci95()[1] + 1e-12, c.country());
            CountryScore o = other.countries().stream().filter(x -> x.country().equals(c.country())).findFirst().orElseThrow();
            anyDifference |= c.questions() > 1 && !java.util.Arrays.equals(c.ci95(), o.ci95());
        }
        assertTrue(anyDifference, "another seed gives other intervals");
        assertNull(Similarity.report(d, model, SimilarityOptions.defaults().withResamples(0)).countries().getFirst().ci95());
    }

    @Test
    void comparisonReportsThePerCountryChangeOverCommonQuestions() throws Exception {
        SurveyDataset d = SurveyCsvReaderTest.sample();
        AnswerSet before = answersOf(d, "Brazil");
        AnswerSet after = answersOf(d, "Japan");
        ComparisonReport c = Similarity.compare(d, before, after, SimilarityOptions.defaults());
        assertEquals("Brazil-mirror", c.before());
        assertEquals("Japan-mirror", c.after());
        ComparisonReport.CountryChange japan = c.countries().stream().filter(x -> x.country().equals("Japan"))
                .findFirst().orElseThrow();
        ComparisonReport.CountryChange brazil = c.countries().stream().filter(x -> x.country().equals("Brazil"))
                .findFirst().orElseThrow();
        assertEquals(1.0, japan.after(), 1e-12);
        assertEquals(1.0, brazil.before(), 1e-12);
        assertTrue(japan.change() > 0 && brazil.change() < 0);
        assertEquals(japan.after() - japan.before(), japan.change(), 1e-12);
        assertEquals(c.countries().getFirst().change(), c.countries().stream()
                .mapToDouble(ComparisonReport.CountryChange::change).max().orElseThrow(), 0);
        assertTrue(japan.ci95()[0] <= japan.change() && japan.change() <= japan.ci95()[1]);
        // common questions only: both mirror sets answer the questions Brazil and Japan both answered
        long common = d.questions().stream().filter(q -> before.distribution(q.qid()) != null
                && after.distribution(q.qid()) != null).count();
        assertEquals(common, c.questions());
        assertNotEquals(0, common);
    }

    @Test
    void drillDownShowsModelAndCountriesSideBySide() {
        AnswerSet model = new AnswerSet("m", Map.of(0, new double[]{0.5, 0.5}), List.of());
        Similarity.QuestionDetail detail = Similarity.questionDetail(SMALL.question(0).orElseThrow(), model,
                SimilarityOptions.defaults());
        assertArrayEquals(new double[]{0.5, 0.5}, detail.model());
        assertEquals(List.of("B", "A", "Z"), detail.countries().stream().map(Similarity.CountryAnswer::country).toList());
        assertEquals(1.0, detail.countries().get(0).similarity(), 1e-12);
        assertNull(detail.countries().get(2).similarity());
        assertEquals(List.of(1.0, 2.0), detail.ordinal());
    }

    @Test
    void questionScoresListAsCountrysWorstQuestionsFirst() {
        AnswerSet model = new AnswerSet("m", Map.of(0, new double[]{0.5, 0.5}, 1, new double[]{0.2, 0.3, 0.5}), List.of());
        List<Similarity.QuestionScore> a = Similarity.questionScores(SMALL, model, SimilarityOptions.defaults(), "A");
        assertEquals(List.of(0, 1), a.stream().map(Similarity.QuestionScore::qid).toList());
        assertEquals("Q0", a.getFirst().question());
        assertEquals(List.of(), Similarity.questionScores(SMALL, model, SimilarityOptions.defaults(), "Nowhere"));
    }
}
