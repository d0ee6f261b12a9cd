package org.charter.opinions;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Straight from {@code ../shared/data} (run with {@code -Preal-data}). */
@Tag("real-data")
class RealDataTest {

    static Path shared(String relative) {
        return Path.of(System.getProperty("charter.test.shared-data", "../shared/data")).resolve(relative);
    }

    @Test
    void theSharedGlobalOpinionQaSampleParsesCompletely() {
        SurveyDataset d = SurveyCsvReader.read(shared("globalopinions/global_opinions_sample.csv"));
        assertEquals(279, d.questions().size());
        assertEquals(124, d.countries().size());
        assertEquals(1047, d.distributionCount());
        assertEquals(List.of(), d.skipped());
    }

    @Test
    void geminiJsdColumnMatchesOnEveryComparableRow() throws Exception {
        String csv = Files.readString(shared("globalopinions/model_answers/gemini.csv"), StandardCharsets.UTF_8);
        assertEquals(102, ThirdPartyJsdTest.compareJsdColumn(csv, "selections", "llm_distribution", "jsd", LogBase.TWO));
    }

    @Test
    void qwenFileJsdColumnIsTheNaturalLogDistance() throws Exception {
        // SOURCE.md: jsd_4.1 equals the natural-log JS distance between selections and llm_distribution
        String csv = Files.readString(shared("globalopinions/model_answers/qwen2.5-7b_sft_final_output.csv"), StandardCharsets.UTF_8);
        int compared = ThirdPartyJsdTest.compareJsdColumn(csv, "selections", "llm_distribution", "jsd_4.1", LogBase.E);
        assertEquals(35, compared);
    }

    @Test
    void thirdPartyAnswerFilesImportPerCountry() {
        SurveyDataset d = SurveyCsvReader.read(shared("globalopinions/global_opinions_sample.csv"));
        for (String model : List.of("claude", "gemini", "gpt-4.1")) {
            for (String country : List.of("Brazil", "China", "Nigeria", "Pakistan", "Sweden", "United States")) {
                AnswerSet a = AnswerSetReader.read(shared("globalopinions/model_answers/" + model + ".csv"),
                        AnswerFormat.CSV, d, model + "-cross-national:" + country, new AnswerSetReader.Options(country, true));
                assertTrue(a.size() > 0, model + " " + country);
                SimilarityReport r = Similarity.report(d, a, SimilarityOptions.defaults());
                assertTrue(r.countries().stream().anyMatch(c -> c.country().equals(country)));
                for (Issue w : a.warnings()) {
                    assertTrue(w.message().contains("normalized") || w.message().contains("values but question"),
                            w.message());
                }
            }
        }
    }

    @Test
    void opinionQaWavesReadWithTheirExplicitScales() {
        // SOURCE.md: W26 22, W27 47, W92 66 questions in the JSON files
        int[] expected = {22, 47, 66};
        String[] waves = {"American_Trends_Panel_W26", "American_Trends_Panel_W27", "American_Trends_Panel_W92"};
        for (int w = 0; w < waves.length; w++) {
            SurveyDataset d = OpinionQaWave.read(shared("opinionqa/" + waves[w]), "POLPARTY");
            assertEquals(expected[w], d.questions().size(), waves[w]);
            assertTrue(d.countries().containsAll(List.of("Democrat", "Republican")));
            for (SurveyQuestion q : d.questions()) {
                assertTrue(q.ordinal().basis().startsWith("explicit"));
                assertTrue(Double.isNaN(q.ordinal().position(q.options().size() - 1)), "Refused is off the scale");
            }
        }
    }

    /**
     * Where Charter infers a scale from the option labels, its order should agree with the OpinionQA authors' hand-made
     * {@code option_ordinal}: every pair of options on both scales ordered the same way (or both reversed). Known
     * difference: OpinionQA puts "Hardly any difference at all" at 1.5 between "A great deal of difference" and
     * "A fair amount of difference"; Charter puts it at the end of that scale.
     */
    @Test
    void inferredScalesAgreeWithOpinionQaAnnotations() {
        int inferred = 0;
        List<String> disagreements = new ArrayList<>();
        for (String wave : List.of("American_Trends_Panel_W26", "American_Trends_Panel_W27", "American_Trends_Panel_W92")) {
            SurveyDataset d = OpinionQaWave.read(shared("opinionqa/" + wave), "POLPARTY");
            for (SurveyQuestion q : d.questions()) {
                var guess = OrdinalScales.infer(q.options());
                if (guess.isEmpty()) {
                    continue;
                }
                inferred++;
                if (!sameOrder(guess.get(), q.ordinal())) {
                    disagreements.add(q.options() + " inferred " + guess.get() + " annotated " + q.ordinal());
                }
            }
        }
        assertTrue(inferred >= 100, "inferred " + inferred);
        assertTrue(disagreements.size() * 50 <= inferred, inferred + " inferred, disagreeing: " + disagreements);
        System.out.println("OpinionQA scales: " + inferred + " inferred, " + disagreements.size() + " disagree: " + disagreements);
    }

    private static boolean sameOrder(OrdinalScale a, OrdinalScale b) {
        int sign = 0;
        for (int i = 0; i < a.size(); i++) {
            for (int j = i + 1; j < a.size(); j++) {
                double da = a.position(j) - a.position(i);
                double db = b.position(j) - b.position(i);
                if (Double.isNaN(da) || Double.isNaN(db)) {
                    continue;
                }
                int s = (int) Math.signum(da) * (int) Math.signum(db);
                if (Math.signum(da) != 0 && Math.signum(db) != 0) {
                    if (sign == 0) {
                        sign = s;
                    } else if (s != sign) {
                        return false;
                    }
                } else if (Math.signum(da) != Math.signum(db)) {
                    return false;
                }
            }
        }
        return true;
    }
}
