package org.charter.opinions;

import org.charter.problem.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnswerSetReaderTest {

    private static final SurveyDataset DATASET = SurveyCsvReader.read("question,selections,options,source\n"
            + "Do you agree?,\"{'A': [0.5, 0.5]}\",\"['Yes', 'No']\",GAS\n"
            + "How serious?,\"{'A': [0.2, 0.3, 0.5]}\",\"['Very', 'Somewhat', 'DK/Refused']\",GAS\n"
            + "Scale,\"{'A': [0.2, 0.8]}\",\"['Not important', 10.0]\",WVS\n"
            + "Same text,\"{'A': [0.2, 0.8]}\",\"['a', 'b']\",WVS\n"
            + "Same text,\"{'A': [0.2, 0.8]}\",\"['c', 'd']\",WVS\n", "survey.csv");

    private static AnswerSet jsonl(String text) {
        return AnswerSetReader.read(text, AnswerFormat.JSONL, DATASET, "answers.jsonl", "m-default",
                AnswerSetReader.Options.defaults());
    }

    private static Problem jsonlError(String text) {
        return assertThrows(Problem.class, () -> jsonl(text));
    }

    @Test
    void readsDistributionsByQidAndByQuestionText() {
        AnswerSet a = jsonl("{\"qid\": 0, \"distribution\": [0.25, 0.75]}\n\n"
                + "{\"question\": \"How serious?\", \"distribution\": [0.1, 0.2, 0.7], \"model\": \"x\"}\n");
        assertEquals("m-default", a.name());
        assertEquals(2, a.size());
        assertArrayEquals(new double[]{0.25, 0.75}, a.distribution(0));
        assertArrayEquals(new double[]{0.1, 0.2, 0.7}, a.distribution(1), 1e-15);
        assertEquals(List.of(), a.warnings());
        assertNull(a.distribution(2));
    }

    @Test
    void countsRawSamplesIntoADistribution() {
        AnswerSet a = jsonl("{\"qid\": 0, \"answer\": \"Yes\"}\n{\"qid\": 0, \"answer\": \"no\"}\n"
                + "{\"qid\": 0, \"answer\": \"(A)\"}\n{\"qid\": 0, \"answer\": \"Yes\"}\n"
                + "{\"qid\": 2, \"answer\": 10}\n{\"qid\": 2, \"answer\": \"A\"}\n");
        assertArrayEquals(new double[]{0.75, 0.25}, a.distribution(0));
        assertArrayEquals(new double[]{0.5, 0.5}, a.distribution(2), "10 matches the option 10.0; A is the first option");
    }

    @Test
    void normalizesWithAWarningNamingTheLine() {
        AnswerSet a = jsonl("{\"qid\": 0, \"distribution\": [30, 10]}\n{\"qid\": 1, \"distribution\": [0.2, 0.2, 0.6000000000001]}");
        assertArrayEquals(new double[]{0.75, 0.25}, a.distribution(0));
        assertEquals(1, a.warnings().size(), "rounding errors are not reported");
        assertEquals(1, a.warnings().getFirst().line());
        assertTrue(a.warnings().getFirst().message().contains("sums to 40.0; normalized"));
    }

    @Test
    void wrongLengthUnknownQuestionAndNegativeValuesAreErrorsNamingTheLine() {
        Problem p = jsonlError("{\"qid\": 0, \"distribution\": [0.5, 0.5]}\n{\"qid\": 1, \"distribution\": [0.5, 0.5]}");
        assertEquals("answers.jsonl:line 2, column distribution", p.where());
        assertTrue(p.getMessage().contains("has 2 values but question 1 has 3 options"), p.getMessage());

        p = jsonlError("{\"qid\": 9, \"distribution\": [0.5, 0.5]}");
        assertEquals("answers.jsonl:line 1, column qid", p.where());
        assertTrue(p.getMessage().contains("unknown question 9"));

        p = jsonlError("{\"question\": \"Nope\", \"distribution\": [0.5, 0.5]}");
        assertTrue(p.getMessage().contains("unknown question \"Nope\""));

        p = jsonlError("{\"qid\": 0, \"distribution\": [-0.5, 1.5]}");
        assertTrue(p.getMessage().contains("negative"));

        p = jsonlError("{\"qid\": 0, \"distribution\": [0, 0]}");
        assertTrue(p.getMessage().contains("all values are 0"));
    }

    @Test
    void malformedLinesAreErrorsNamingTheLine() {
        assertEquals("answers.jsonl:line 2", jsonlError("{\"qid\": 0, \"answer\": \"Yes\"}\n{\"qid\": 0,").where());
        assertTrue(jsonlError("[1, 2]").getMessage().contains("expected a JSON object"));
        assertTrue(jsonlError("{\"qid\": 1.5, \"distribution\": [1, 0]}").getMessage().contains("whole number"));
        assertTrue(jsonlError("{\"qid\": 0, \"distribution\": [\"a\", 1]}").getMessage().contains("not a number"));
        assertTrue(jsonlError("{\"qid\": 0}").getMessage().contains("no distribution and no answer"));
        assertTrue(jsonlError("{\"distribution\": [1, 0]}").getMessage().contains("qid or question"));
        assertTrue(jsonlError("{\"qid\": 0, \"answer\": \"Maybe\"}").getMessage().contains("is not one of the options"));
        assertTrue(jsonlError("{\"question\": \"Same text\", \"distribution\": [1, 0]}").getMessage().contains("use qid"));
        assertTrue(jsonlError("{\"qid\": 0, \"question\": \"How serious?\", \"distribution\": [1, 0]}")
                .getMessage().contains("does not match question 0"));
        assertTrue(jsonlError("").getMessage().contains("no answers"));
    }

    @Test
    void aQuestionAnsweredTwiceIsAnError() {
        Problem p = jsonlError("{\"qid\": 0, \"distribution\": [1, 0]}\n{\"qid\": 0, \"distribution\": [0, 1]}");
        assertEquals("answers.jsonl:line 2", p.where());
        assertTrue(p.getMessage().contains("already answered on line 1"));
        assertThrows(Problem.class, () -> jsonl("{\"qid\": 0, \"answer\": \"Yes\"}\n{\"qid\": 0, \"distribution\": [0, 1]}"));
    }

    @Test
    void leniencyLeavesBadLinesOutAndListsThem() {
        AnswerSet a = AnswerSetReader.read("{\"qid\": 0, \"distribution\": [1, 0]}\n{\"qid\": 1, \"distribution\": [1, 0]}\n",
                AnswerFormat.JSONL, DATASET, "a.jsonl", "m", new AnswerSetReader.Options(null, true));
        assertEquals(1, a.size());
        assertEquals(2, a.warnings().getFirst().line());
        assertTrue(a.warnings().getFirst().message().endsWith("line left out"));
    }

    @Test
    void readsCsvWithDistributionsAnswersAndAGlobalOpinionBenchColumnName() {
        AnswerSet a = AnswerSetReader.read("qid,distribution\n0,\"[0.4, 0.6]\"\n1,\"[0.2, 0.2, 0.6]\"\n",
                AnswerFormat.CSV, DATASET, "a.csv", "m", AnswerSetReader.Options.defaults());
        assertArrayEquals(new double[]{0.4, 0.6}, a.distribution(0));
        AnswerSet b = AnswerSetReader.read("question,country,llm_distribution\nDo you agree?,Brazil,\"[0.1, 0.9]\"\n"
                        + "Do you agree?,Japan,\"[0.7, 0.3]\"\n",
                AnswerFormat.CSV, DATASET, "b.csv", "m", new AnswerSetReader.Options("Japan", false));
        assertArrayEquals(new double[]{0.7, 0.3}, b.distribution(0));
        AnswerSet c = AnswerSetReader.read("qid,answer\n0,Yes\n0,No\n0,No\n0,No\n", AnswerFormat.CSV, DATASET, "c.csv",
                "m", AnswerSetReader.Options.defaults());
        assertArrayEquals(new double[]{0.25, 0.75}, c.distribution(0));
    }

    @Test
    void severalCountriesWithoutAChoiceIsAnErrorThatSaysSo() {
        Problem p = assertThrows(Problem.class, () -> AnswerSetReader.read(
                "question,country,llm_distribution\nDo you agree?,Brazil,\"[0.1, 0.9]\"\nDo you agree?,Japan,\"[0.7, 0.3]\"\n",
                AnswerFormat.CSV, DATASET, "b.csv", "m", AnswerSetReader.Options.defaults()));
        assertEquals("b.csv:line 3", p.where());
        assertTrue(p.getMessage().contains("choose one country"));
    }

    @Test
    void csvErrorsNameLineAndColumn() {
        Problem p = assertThrows(Problem.class, () -> AnswerSetReader.read("qid,distribution\n0,\"[0.4, 0.6]\"\nx,\"[1, 0]\"\n",
                AnswerFormat.CSV, DATASET, "a.csv", "m", AnswerSetReader.Options.defaults()));
        assertEquals("a.csv:line 3, column qid", p.where());
        p = assertThrows(Problem.class, () -> AnswerSetReader.read("qid,probabilities\n0,\"[0.4, 0.6]\"\n",
                AnswerFormat.CSV, DATASET, "a.csv", "m", AnswerSetReader.Options.defaults()));
        assertEquals("a.csv:line 1", p.where());
        assertTrue(p.getMessage().contains("missing column 'distribution'"));
    }
}
