package org.charter.opinions.collect;

import com.fasterxml.jackson.databind.JsonNode;
import org.charter.cli.CharterCommand;
import org.charter.opinions.AnswerFormat;
import org.charter.opinions.AnswerSet;
import org.charter.opinions.AnswerSetReader;
import org.charter.opinions.SurveyCsvReader;
import org.charter.opinions.SurveyDataset;
import org.charter.opinions.SurveyQuestion;
import org.charter.problem.Problem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The collector against a local chat-completions server speaking the OpenAI wire format, log-probabilities included. */
class CollectorTest {

    private static final SurveyDataset SURVEY = SurveyCsvReader.read("question,selections,options,source\n"
            + "Do you approve?,\"{'A': [0.5, 0.5]}\",\"['Approve', 'Disapprove']\",GAS\n"
            + "\"How serious is it?\nClimate change\",\"{'A': [0.2, 0.3, 0.5]}\",\"['Very serious', 'Somewhat serious', 'Not serious']\",GAS\n"
            + "Rate it,\"{'A': [0.1, 0.2, 0.3, 0.4]}\",\"['Very good', 'Somewhat good', 'Somewhat bad', 'Very bad']\",GAS\n"
            + "Yes or no?,\"{'A': [0.5, 0.5]}\",\"['Yes', 'No']\",GAS\n"
            + "Pick one,\"{'A': [0.2, 0.3, 0.5]}\",\"['India', 'China', 'Japan']\",GAS\n", "survey.csv");

    @TempDir
    Path dir;
    FakeChatServer server;

    @BeforeEach
    void start() throws Exception {
        server = new FakeChatServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ChatClient client(int attempts) {
        return new ChatClient(server.baseUrl(), "test-key", new ChatClient.Retry(attempts, Duration.ofMillis(1),
                Duration.ofMillis(20)), Duration.ofSeconds(10), msg -> { });
    }

    private static Collector.Settings settings(Collector.Mode mode, Condition condition) {
        return new Collector.Settings("test-model", condition, mode, true, 20, 6, 1.0, 1, null);
    }

    private Collector.Summary collect(Collector.Settings settings, int attempts, Path out) throws Exception {
        return new Collector(client(attempts), settings, msg -> { }).collect(SURVEY, out);
    }

    private static AnswerSet read(Path out) {
        return AnswerSetReader.read(out, AnswerFormat.JSONL, SURVEY, "test", AnswerSetReader.Options.defaults());
    }

    @Test
    void readsEachQuestionsDistributionFromTheAnswerLettersLogprobs() throws Exception {
        Path out = dir.resolve("answers.jsonl");
        Collector.Summary s = collect(settings(Collector.Mode.AUTO, Condition.DEFAULT), 3, out);
        assertEquals(new Collector.Summary(5, 0, 5, 0, "logprobs", out), s);
        AnswerSet answers = read(out);
        assertEquals(5, answers.size());
        for (SurveyQuestion q : SURVEY.questions()) {
            double[] expected = FakeChatServer.expected(q.options().size());
            double sum = java.util.Arrays.stream(expected).sum(); // the 0.1 on "I" is not an option: renormalized
            for (int k = 0; k < expected.length; k++) {
                expected[k] /= sum;
            }
            assertArrayEquals(expected, answers.distribution(q.qid()), 1e-12, "question " + q.qid());
        }
        assertEquals(List.of(), answers.warnings());
    }

    @Test
    void asksInThePapersMultipleChoiceForm() throws Exception {
        collect(settings(Collector.Mode.AUTO, Condition.DEFAULT), 3, dir.resolve("a.jsonl"));
        JsonNode first = server.requests.getFirst();
        assertEquals("test-model", first.path("model").asText());
        assertTrue(first.path("logprobs").asBoolean());
        assertEquals(20, first.path("top_logprobs").asInt());
        assertEquals(1, first.path("max_tokens").asInt());
        assertEquals("user", first.path("messages").path(0).path("role").asText());
        assertEquals("Do you approve?\n\nHere are the options:\n(A) Approve\n(B) Disapprove",
                first.path("messages").path(0).path("content").asText());
        assertEquals("assistant", first.path("messages").path(1).path("role").asText());
        assertEquals("If had to select one of the options, my answer would be (",
                first.path("messages").path(1).path("content").asText());

        collect(settings(Collector.Mode.AUTO, Condition.parse("cross-national:Japan")), 3, dir.resolve("b.jsonl"));
        String crossNational = server.requests.getLast().path("messages").path(0).path("content").asText();
        assertTrue(crossNational.startsWith("How would someone from Japan answer the following question:\nPick one\n\n"),
                crossNational);
        assertTrue(Files.readString(dir.resolve("b.jsonl")).contains("\"condition\":\"cross-national:Japan\""));
    }

    @Test
    void aFailureMidwayStopsWithWhatWasAnsweredKeptAndARerunResumes() throws Exception {
        Path out = dir.resolve("answers.jsonl");
        server.healthyRequests = 2;
        Problem failure = assertThrows(Problem.class, () -> collect(settings(Collector.Mode.AUTO, Condition.DEFAULT), 3, out));
        assertEquals(Problem.Kind.UNAVAILABLE, failure.kind());
        assertTrue(failure.getMessage().contains("gave up after 3 attempts"), failure.getMessage());
        assertTrue(failure.getMessage().contains("HTTP 500"), failure.getMessage());
        assertEquals(2, Files.readAllLines(out).size(), "the two answers before the outage are kept");
        assertEquals(2 + 3, server.requests.size(), "three attempts at the third question");

        server.healthy();
        server.requests.clear();
        Collector.Summary resumed = collect(settings(Collector.Mode.AUTO, Condition.DEFAULT), 3, out);
        assertEquals(2, resumed.alreadyAnswered());
        assertEquals(3, resumed.answered());
        assertEquals(3, server.requests.size(), "only the missing questions are asked again");
        Set<String> asked = new HashSet<>();
        server.requests.forEach(r -> asked.add(r.path("messages").path(0).path("content").asText().lines().findFirst().orElseThrow()));
        assertEquals(Set.of("Rate it", "Yes or no?", "Pick one"), asked);
        assertEquals(5, read(out).size(), "each question answered once, file readable as an answer set");

        server.requests.clear();
        assertEquals(0, collect(settings(Collector.Mode.AUTO, Condition.DEFAULT), 3, out).answered());
        assertEquals(0, server.requests.size(), "nothing left to ask");
    }

    @Test
    void transientRateLimitsAreRetried() throws Exception {
        server.transientFailures.set(2);
        Path out = dir.resolve("answers.jsonl");
        assertEquals(5, collect(settings(Collector.Mode.AUTO, Condition.DEFAULT), 3, out).answered());
        assertEquals(5 + 2, server.requests.size());
    }

    @Test
    void aHalfWrittenLastLineIsDroppedAndAnsweredAgain() throws Exception {
        Path out = dir.resolve("answers.jsonl");
        collect(new Collector.Settings("test-model", Condition.DEFAULT, Collector.Mode.AUTO, true, 20, 6, 1.0, 1, 2), 3, out);
        Files.writeString(out, "{\"qid\": 2, \"distr", java.nio.file.StandardOpenOption.APPEND);
        Collector.Summary s = collect(settings(Collector.Mode.AUTO, Condition.DEFAULT), 3, out);
        assertEquals(2, s.alreadyAnswered());
        assertEquals(3, s.answered());
        assertEquals(5, read(out).size());
    }

    @Test
    void samplesWhenTheEndpointOffersNoLogprobs() throws Exception {
        server.logprobs = false;
        Path out = dir.resolve("answers.jsonl");
        Collector.Summary s = collect(settings(Collector.Mode.AUTO, Condition.DEFAULT), 3, out);
        assertEquals("samples", s.method());
        AnswerSet answers = read(out);
        assertEquals(5, answers.size());
        for (SurveyQuestion q : SURVEY.questions()) {
            double[] d = answers.distribution(q.qid());
            assertEquals(1.0 / 3, d[0], 1e-12, "six samples: first, last, last, first, last, last");
            assertEquals(2.0 / 3, d[q.options().size() - 1], 1e-12);
        }
        String first = Files.readAllLines(out).getFirst();
        assertTrue(first.contains("\"method\":\"samples\"") && first.contains("\"samples\":6"), first);
        assertTrue(server.requests.stream().anyMatch(r -> r.path("n").asInt() == 6 && r.path("temperature").asDouble() == 1.0));
    }

    @Test
    void unreadableSamplesAreCountedAndReplaced() throws Exception {
        server.logprobs = false;
        server.someGarbage = true;
        Path out = dir.resolve("answers.jsonl");
        collect(settings(Collector.Mode.SAMPLES, Condition.DEFAULT), 3, out);
        // first request (n = 6): first, last, garbage, first, last, garbage; second (n = 2): first, last
        double[] d = read(out).distribution(0);
        assertArrayEquals(new double[]{0.5, 0.5}, d, 1e-12);
        assertTrue(Files.readAllLines(out).getFirst().contains("\"invalid\":2"));
        assertEquals(2 * 5, server.requests.size());
    }

    @Test
    void aRefusedKeyStopsAtOnceWithoutRetrying() {
        server.refuseKey = true;
        Problem p = assertThrows(Problem.class, () -> collect(settings(Collector.Mode.LOGPROBS, Condition.DEFAULT), 5,
                dir.resolve("a.jsonl")));
        assertTrue(p.getMessage().contains("API key was refused (HTTP 401)"), p.getMessage());
        assertEquals(1, server.requests.size());
    }

    @Test
    void refusesToMixModelsInOneFile() throws Exception {
        Path out = dir.resolve("answers.jsonl");
        collect(new Collector.Settings("test-model", Condition.DEFAULT, Collector.Mode.AUTO, true, 20, 6, 1.0, 1, 1), 3, out);
        Problem p = assertThrows(Problem.class, () -> collect(new Collector.Settings("other-model", Condition.DEFAULT,
                Collector.Mode.AUTO, true, 20, 6, 1.0, 1, null), 3, out));
        assertTrue(p.getMessage().contains("holds answers of model test-model"), p.getMessage());
    }

    @Test
    void parallelRequestsAnswerEveryQuestionOnce() throws Exception {
        Path out = dir.resolve("answers.jsonl");
        collect(new Collector.Settings("test-model", Condition.DEFAULT, Collector.Mode.AUTO, true, 20, 6, 1.0, 4, null), 3, out);
        assertEquals(5, read(out).size());
        assertEquals(5, server.requests.size());
    }

    @Test
    void theCollectCommandWritesAnAnswerSetAndResumes() throws Exception {
        Path survey = dir.resolve("survey.csv");
        Files.writeString(survey, org.charter.opinions.SurveyCsvWriter.write(SURVEY), StandardCharsets.UTF_8);
        Path out = dir.resolve("cli.jsonl");
        String[] args = {"collect", "--survey", survey.toString(), "--model", "test-model", "--base-url", server.baseUrl(),
                "--api-key-env", "CHARTER_TEST_KEY_THAT_IS_UNSET", "--retries", "2", "--retry-delay-ms", "1",
                "--out", out.toString()};
        // the server wants a key and the environment has none: refused, the command says why and exits 1
        assertEquals(CharterCommand.EXIT_FAILURE, CharterCommand.commandLine().execute(args));
        assertEquals(1, server.requests.size());

        server.requiredKey = null; // a local server without keys
        server.requests.clear();
        assertEquals(0, CharterCommand.commandLine().execute(args));
        assertEquals(5, read(out).size());
        assertEquals(5, server.requests.size());
        assertEquals(0, CharterCommand.commandLine().execute(args));
        assertEquals(5, server.requests.size(), "the rerun finds every question answered");

        assertEquals(CharterCommand.EXIT_FAILURE, CharterCommand.commandLine().execute(
                "collect", "--survey", survey.toString(), "--model", "m", "--condition", "sideways", "--out", out.toString()));
    }
}
