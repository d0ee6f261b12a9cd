package org.charter.opinions;

import org.charter.problem.Problem;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SurveyCsvReaderTest {

    static String resource(String name) throws Exception {
        try (InputStream in = SurveyCsvReaderTest.class.getResourceAsStream("/globalopinions/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static SurveyDataset sample() throws Exception {
        return SurveyCsvReader.read(resource("global_opinions_sample.csv"), "global_opinions_sample.csv");
    }

    @Test
    void readsEveryRowOfTheRealSample() throws Exception {
        SurveyDataset d = sample();
        // counts stated in the sample's SOURCE.md (computed there with Python)
        assertEquals(279, d.rows());
        assertEquals(279, d.questions().size());
        assertEquals(List.of(), d.skipped());
        assertEquals(List.of(), d.warnings());
        assertEquals(124, d.countries().size());
        assertEquals(1047, d.distributionCount());
        assertEquals(Map.of("GAS", 232, "WVS", 47), d.sources());
        for (SurveyQuestion q : d.questions()) {
            assertTrue(q.countries().size() >= 1 && q.countries().size() <= 14, "countries of question " + q.qid());
            for (double[] shares : q.countries().values()) {
                assertEquals(q.options().size(), shares.length);
                double sum = 0;
                for (double s : shares) {
                    assertTrue(s >= 0 && s <= 1, "share of question " + q.qid());
                    sum += s;
                }
                assertTrue(sum == 0 || Math.abs(sum - 1) < 0.05, "question " + q.qid() + " sums to " + sum);
            }
        }
    }

    @Test
    void firstRowIsReadExactly() throws Exception {
        SurveyQuestion q = sample().question(0).orElseThrow();
        assertEquals(2, q.line());
        assertTrue(q.text().startsWith("I am going to name a number of organizations."));
        assertTrue(q.text().endsWith("\n\nEnvironmental organizations"), "multi-line question text is kept");
        assertEquals(List.of("A great deal", "Quite a lot", "Not very much", "None at all", "Don't know", "No answer",
                "Other missing; Multiple answers Mail (EVS)"), q.options());
        assertEquals("WVS", q.source());
        assertEquals(13, q.countries().size());
        assertArrayEquals(new double[]{0.087, 0.595, 0.254, 0.055, 0.0, 0.01, 0.0}, q.shares("Azerbaijan"));
        assertArrayEquals(new double[]{0.052000000000000005, 0.309, 0.41600000000000004, 0.16899999999999998, 0.045,
                0.01, 0.0}, q.shares("Croatia"));
        assertEquals("inferred: scale words", q.ordinal().basis());
    }

    @Test
    void qidsAreRowIndicesAndLinesFollowMultiLineQuestions() throws Exception {
        SurveyDataset d = sample();
        SurveyQuestion second = d.question(1).orElseThrow();
        assertEquals(5, second.line()); // the first question spans lines 2-4
        assertTrue(second.text().startsWith("In your view, is global climate change"));
        assertEquals(List.of("Very serious", "Somewhat serious", "Not too serious", "Not a problem", "DK/Refused"),
                second.options());
        SurveyQuestion last = d.question(278).orElseThrow();
        assertEquals(last, d.questions().getLast());
    }

    @Test
    void floatOptionsAreShownAsPythonWritesThem() throws Exception {
        SurveyQuestion scale = sample().questions().stream()
                .filter(q -> q.options().contains("10.0")).findFirst().orElseThrow();
        assertEquals("0.0", scale.options().getFirst());
        assertEquals("inferred: numeric scale", scale.ordinal().basis());
    }

    private static final String HEADER = "question,selections,options,source\n";

    @Test
    void aMalformedRowIsSkippedWithLineAndColumnAndKeepsItsQid() {
        String csv = HEADER
                + "Q0,\"{'A': [0.5, 0.5]}\",\"['Yes', 'No']\",GAS\n"
                + "Q1,\"{'A': [0.5, 0.5]\",\"['Yes', 'No']\",GAS\n"
                + "Q2,\"{'A': [0.2, 0.8]}\",\"['Yes', 'No']\",GAS\n";
        SurveyDataset d = SurveyCsvReader.read(csv, "s.csv");
        assertEquals(3, d.rows());
        assertEquals(List.of(0, 2), d.questions().stream().map(SurveyQuestion::qid).toList());
        Issue skipped = d.skipped().getFirst();
        assertEquals(3, skipped.line());
        assertEquals("selections", skipped.column());
        assertTrue(skipped.message().contains("unclosed '{'"), skipped.message());
        assertEquals("s.csv:line 3, column selections", skipped.where("s.csv"));
    }

    @Test
    void missingSharesAreNaNAndEmptyShareListsAreKeptForTheMetricToSkip() {
        String csv = HEADER + "Q,\"defaultdict(<class 'list'>, {'A': [nan, 0.4, None], 'B': [], 'C': ['', '', '']})\","
                + "\"['x', 'y', 'z']\",WVS\n";
        SurveyQuestion q = SurveyCsvReader.read(csv, "s.csv").question(0).orElseThrow();
        assertTrue(Double.isNaN(q.shares("A")[0]));
        assertEquals(0.4, q.shares("A")[1]);
        assertTrue(Double.isNaN(q.shares("B")[2]));
        assertTrue(Double.isNaN(q.shares("C")[1]));
    }

    @Test
    void aCountryWithTheWrongNumberOfSharesIsLeftOutWithAWarning() {
        String csv = HEADER + "Q,\"{'A': [0.5, 0.5], 'B': [0.2, 0.3, 0.5], 'C': [-0.1, 1.1]}\",\"['Yes', 'No']\",GAS\n";
        SurveyDataset d = SurveyCsvReader.read(csv, "s.csv");
        assertEquals(List.of("A"), List.copyOf(d.question(0).orElseThrow().countries().keySet()));
        assertEquals(2, d.warnings().size());
        assertTrue(d.warnings().get(0).message().startsWith("B has 3 shares for 2 options"), d.warnings().get(0).message());
        assertTrue(d.warnings().get(1).message().contains("negative"), d.warnings().get(1).message());
        assertEquals(2, d.warnings().get(0).line());
    }

    @Test
    void quotesApostrophesAndUnicodeInsideCells() {
        String csv = HEADER + "\"Is it \"\"fine\"\"?\",\"{'Côte d’Ivoire': [1, 0], \"\"People's Rep.\"\": [0, 1]}\","
                + "\"[\"\"Don't know\"\", 'It\\'s \"\"ok\"\"']\",\n";
        SurveyQuestion q = SurveyCsvReader.read(csv, "s.csv").question(0).orElseThrow();
        assertEquals("Is it \"fine\"?", q.text());
        assertEquals(List.of("Don't know", "It's \"ok\""), q.options());
        assertEquals(List.of("Côte d’Ivoire", "People's Rep."), List.copyOf(q.countries().keySet()));
        assertEquals("", q.source());
    }

    @Test
    void explicitOrdinalPositionsWinOverInference() {
        String csv = "question,selections,options,source,ordinal\n"
                + "Q,\"{'A': [0.5, 0.3, 0.2]}\",\"['Better', 'Worse', 'About the same']\",GAS,\"[1.0, 3.0]\"\n"
                + "R,\"{'A': [0.5, 0.5]}\",\"['Yes', 'No']\",GAS,None\n";
        SurveyDataset d = SurveyCsvReader.read(csv, "s.csv");
        OrdinalScale s = d.question(0).orElseThrow().ordinal();
        assertEquals("explicit", s.basis());
        assertArrayEquals(new double[]{1, 3, Double.NaN}, s.positions());
        assertNull(d.question(1).orElseThrow().ordinal());
    }

    @Test
    void blankLinesTakeNoQidAndAnIndexColumnIsIgnored() {
        String csv = ",question,selections,options,source\n0,Q0,\"{'A': [1, 0]}\",\"['Yes', 'No']\",GAS\n\n"
                + "1,Q1,\"{'A': [0, 1]}\",\"['Yes', 'No']\",GAS\n";
        SurveyDataset d = SurveyCsvReader.read(csv, "s.csv");
        assertEquals(2, d.rows());
        assertEquals("Q1", d.question(1).orElseThrow().text());
        assertEquals(4, d.question(1).orElseThrow().line());
    }

    @Test
    void anUnclosedQuoteNamesTheFileAndLine() {
        String csv = HEADER + "Q0,\"{'A': [1, 0]}\",\"['Yes', 'No']\",GAS\n\"Q1,\"{'A': [1, 0]}\",x,GAS\n";
        Problem p = assertThrows(Problem.class, () -> SurveyCsvReader.read(csv, "s.csv"));
        assertTrue(p.where().startsWith("s.csv:line 3"), p.where());
        assertTrue(p.getMessage().contains("malformed CSV"), p.getMessage());
    }

    @Test
    void aMissingColumnIsNamed() {
        Problem p = assertThrows(Problem.class, () -> SurveyCsvReader.read("question,options\nQ,\"['a','b']\"\n", "s.csv"));
        assertEquals("s.csv:line 1", p.where());
        assertTrue(p.getMessage().contains("missing column 'selections'"));
    }

    @Test
    void emptyAndHeaderOnlyFilesAreRefused() {
        assertThrows(Problem.class, () -> SurveyCsvReader.read("", "s.csv"));
        Problem p = assertThrows(Problem.class, () -> SurveyCsvReader.read(HEADER, "s.csv"));
        assertTrue(p.getMessage().contains("no question rows"));
    }

    @Test
    void aFileWhereNoRowCanBeReadIsRefusedWithTheFirstReason() {
        Problem p = assertThrows(Problem.class, () -> SurveyCsvReader.read(HEADER + "Q,\"{\",\"['a','b']\",GAS\n", "s.csv"));
        assertEquals("s.csv:line 2, column selections", p.where());
    }

    @Test
    void optionsMustBeAListOfAtLeastTwo() {
        SurveyDataset d = SurveyCsvReader.read(HEADER + "Q,\"{'A': [1]}\",\"['only']\",GAS\nR,\"{'A': [1, 0]}\",\"['a', 'b']\",GAS\n", "s.csv");
        assertEquals("options", d.skipped().getFirst().column());
        assertTrue(d.skipped().getFirst().message().contains("at least two options"));
    }
}
