package org.charter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code charter similarity} and {@code charter bench similarity} on files, as a researcher runs them. */
class SimilarityCommandTest {

    @TempDir
    Path dir;

    private Path sample() throws Exception {
        Path csv = dir.resolve("sample.csv");
        try (InputStream in = getClass().getResourceAsStream("/globalopinions/global_opinions_sample.csv")) {
            Files.copy(in, csv);
        }
        return csv;
    }

    private static int run(String... args) {
        return CharterCommand.commandLine().execute(args);
    }

    @Test
    void printsTheContractRankingBestFirst() throws Exception {
        Path csv = sample();
        // an answer set of three questions in both formats the command reads
        Path answers = dir.resolve("m-default.jsonl");
        Files.writeString(answers, """
                {"qid": 1, "distribution": [0.5, 0.3, 0.1, 0.05, 0.05]}
                {"qid": 3, "answer": "Agree strongly"}
                {"qid": 3, "answer": "B"}
                """);
        Path out = dir.resolve("result.json");
        assertEquals(0, run("similarity", "--survey", csv.toString(), "--answers", answers.toString(), "--out", out.toString()));
        JsonNode r = Output.JSON.readTree(out.toFile());
        assertTrue(r.path("questions").isInt());
        assertEquals("jsd", r.path("metric").asText());
        List<Double> similarities = new ArrayList<>();
        for (JsonNode c : r.path("countries")) {
            assertTrue(c.path("country").isTextual());
            assertTrue(c.path("questions").asInt() >= 1);
            assertEquals(2, c.path("ci95").size());
            assertTrue(c.path("ci95").get(0).asDouble() <= c.path("similarity").asDouble() + 1e-12);
            similarities.add(c.path("similarity").asDouble());
        }
        assertTrue(similarities.size() > 1);
        List<Double> sorted = new ArrayList<>(similarities);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertEquals(sorted, similarities, "best first");
        assertEquals("m-default", r.path("answers").asText());
    }

    @Test
    void csvFormatWassersteinAndComparison() throws Exception {
        Path csv = sample();
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.csv");
        Files.writeString(a, "{\"qid\": 1, \"distribution\": [0.5, 0.3, 0.1, 0.05, 0.05]}\n");
        Files.writeString(b, "qid,distribution\n1,\"[0.05, 0.05, 0.1, 0.3, 0.5]\"\n");
        Path table = dir.resolve("table.csv");
        assertEquals(0, run("similarity", "--survey", csv.toString(), "--answers", a.toString(), "--metric", "wasserstein",
                "--format", "csv", "--out", table.toString()));
        assertEquals("rank,country,iso3,similarity,questions,ci95_low,ci95_high", Files.readAllLines(table).getFirst());
        Path change = dir.resolve("change.json");
        assertEquals(0, run("similarity", "--survey", csv.toString(), "--baseline", a.toString(), "--answers", b.toString(),
                "--out", change.toString()));
        JsonNode c = Output.JSON.readTree(change.toFile());
        assertEquals("a", c.path("before").asText());
        assertEquals("b", c.path("after").asText());
        assertEquals(1, c.path("questions").asInt());
    }

    @Test
    void badInputFailsWithExitCodeOneAndWritesNothing() throws Exception {
        Path csv = sample();
        Path out = dir.resolve("never.json");
        Path answers = dir.resolve("bad.jsonl");
        Files.writeString(answers, "{\"qid\": 1, \"distribution\": [0.5, 0.5]}\n");
        assertEquals(1, run("similarity", "--survey", csv.toString(), "--answers", answers.toString(), "--out", out.toString()));
        assertEquals(1, run("similarity", "--survey", dir.resolve("missing.csv").toString(), "--answers", answers.toString()));
        assertEquals(1, run("similarity", "--survey", csv.toString(), "--answers", answers.toString(), "--metric", "kl"));
        assertEquals(1, run("similarity", "--survey", csv.toString(), "--answers", answers.toString(), "--log-base", "10"));
        assertEquals(1, run("similarity", "--survey", csv.toString(), "--answers", answers.toString(), "--format", "xml"));
        assertEquals(1, run("similarity", "--survey", dir.toString(), "--answers", answers.toString()));
        assertTrue(Files.notExists(out));
    }

    @Test
    void benchSimilarityRunsAtSmallSize() throws Exception {
        Path out = dir.resolve("bench.json");
        assertEquals(0, run("bench", "similarity", "--questions", "60", "--countries", "12", "--min-countries", "2",
                "--max-countries", "6", "--resamples", "50", "--runs", "1", "--out", out.toString()));
        JsonNode r = Output.JSON.readTree(out.toFile());
        assertEquals(60, r.path("realistic").path("questions").asInt());
        assertEquals(60 * 12, r.path("worstCase").path("pairs").asInt());
        assertTrue(r.path("realistic").path("endToEndMs").asDouble() > 0);
    }
}
