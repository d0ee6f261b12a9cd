package org.charter.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.charter.testing.Api;
import org.charter.testing.DatabaseTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The journeys of the web app in real headless Chromium (frontend/e2e/*.mjs, driven by playwright-core)
 * against this app on a random port and its real PostgreSQL; afterwards the database is checked for what the
 * browser did. Screenshots land in target/screenshots/.
 */
@Tag("browser")
@MicronautTest(transactional = false)
class WebAppJourneysTest extends DatabaseTest {

    private static final Path FRONTEND = Path.of("frontend").toAbsolutePath();
    private static final Path SCREENSHOTS = Path.of("target", "screenshots").toAbsolutePath();
    private static final String PASSWORD = "correct horse battery";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    EmbeddedServer server;

    private String base() {
        return "http://localhost:" + server.getPort();
    }

    /** Runs one journey script with node; fails the test with the script's output when it exits non-zero. */
    private String journey(String script, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", "e2e/" + script));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("charter-e2e-", ".log");
        Process process = new ProcessBuilder(command).directory(FRONTEND.toFile())
                .redirectErrorStream(false).redirectError(log.toFile()).start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail(script + " did not finish in 5 minutes\n" + stdout + Files.readString(log));
        }
        String stderr = Files.readString(log);
        Files.deleteIfExists(log);
        if (process.exitValue() != 0) {
            fail(script + " failed (exit " + process.exitValue() + "):\n" + stdout + stderr);
        }
        assertTrue(stdout.contains(script.replace(".mjs", "") + ": passed"), () -> "no pass line:\n" + stdout + stderr);
        return stdout;
    }

    private static String lastJsonLine(String stdout) {
        return stdout.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow();
    }

    /** statement id → the participant's current vote. */
    private Map<Long, Integer> currentVotes(long participant) throws Exception {
        Map<Long, Integer> votes = new HashMap<>();
        try (Connection c = jdbc(); PreparedStatement s = c.prepareStatement(
                "SELECT statement_id, value FROM current_vote WHERE participant_id = ?")) {
            s.setLong(1, participant);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    votes.put(rs.getLong(1), rs.getInt(2));
                }
            }
        }
        return votes;
    }

    private String one(String sql, Object... params) throws Exception {
        try (Connection c = jdbc(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), () -> "no row for " + sql);
                return rs.getString(1);
            }
        }
    }

    /**
     * Earlier participants in three camps with noisy, partly missing votes (seeded), so the analysis finds groups
     * and the map shows clouds rather than a handful of identical points.
     */
    private static void seedCamps(Api api, String slug, int participants, long seed, String... districts) {
        Random random = new Random(seed);
        for (int p = 0; p < participants; p++) {
            int camp = p % 3;
            String token = api.join(slug);
            if (districts.length > 0) {
                // where people live leans with their camp, so the breakdown by district shows differences
                String district = districts[random.nextDouble() < 0.6 ? camp % districts.length : random.nextInt(districts.length)];
                api.asParticipant(HttpRequest.PUT("/api/conversations/" + slug + "/me/answers", Map.of("district", district)), token);
            }
            for (int i = 0; i < 40; i++) {
                Map<?, ?> card = (Map<?, ?>) api.next(slug, token).get("statement");
                if (card == null) {
                    break;
                }
                long id = ((Number) card.get("id")).longValue();
                boolean campLikesIt = (id + camp) % 3 != 0;
                double r = random.nextDouble();
                String vote = r < 0.15 ? "pass" : (r < 0.85) == campLikesIt ? "agree" : "disagree";
                api.vote(slug, token, id, vote);
            }
        }
    }

    @Test
    void aParticipantVotesThroughAConversationOnAPhone() throws Exception {
        Api api = new Api(client);
        String organizer = api.newOrganizer();
        api.post("/api/conversations", Map.of(
                "slug", "rail-yard",
                "topic", "What should our town do with the old rail yard?",
                "description", "The council owns **12 acres** of the old rail yard. Vote on what others said, and add what is missing.",
                "seedStatements", List.of("The rail yard should become a public park.",
                        "Affordable housing matters more than green space.", "Any plan must keep the historic engine shed.",
                        "A weekly farmers market would bring the town together.", "Cars should not be allowed on the site.",
                        "<img src=x onerror=alert(1)>")), organizer);
        seedCamps(api, "rail-yard", 30, 11);
        long earlier = Long.parseLong(one("SELECT count(*) FROM vote"));

        JsonNode result = new ObjectMapper().readTree(lastJsonLine(journey("participant.mjs", base(), "rail-yard", SCREENSHOTS.toString())));

        Map<Long, Integer> expected = new HashMap<>();
        for (JsonNode v : result.get("votes")) {
            int value = switch (v.get("vote").asText()) {
                case "agree" -> 1;
                case "disagree" -> -1;
                default -> 0;
            };
            expected.put(v.get("statementId").asLong(), value);
        }
        assertEquals(6, expected.size(), "the participant voted on every statement once");
        // an author agrees with their own statement (as in Polis)
        long own = Long.parseLong(one("SELECT id FROM statement WHERE text = ? AND author_id IS NOT NULL", result.get("statement").asText()));
        expected.put(own, 1);
        long author = Long.parseLong(one("SELECT author_id FROM statement WHERE id = ?", own));
        assertEquals(expected, currentVotes(author), "the database holds exactly the votes the browser cast");
        assertEquals(earlier + 7, Long.parseLong(one("SELECT count(*) FROM vote")));
        // post-moderation: the new statement waits for the organizer's look but is open for voting at once
        assertEquals("pending", one("SELECT status FROM statement WHERE id = ?", own));
        assertTrue(api.getList("/api/conversations/rail-yard/statements", null).stream()
                .anyMatch(card -> ((Number) ((Map<?, ?>) card).get("id")).longValue() == own));
        assertEquals("<img src=x onerror=alert(1)>", one("SELECT s.text FROM statement s JOIN conversation k"
                + " ON k.id = s.conversation_id WHERE k.slug = 'rail-yard' AND s.text LIKE '<img%'"));
    }

    @Test
    void anOrganizerRemovesAStatementAndParticipantsNoLongerSeeIt() throws Exception {
        Api api = new Api(client);
        String email = "dana-" + System.nanoTime() + "@example.org";
        String token = (String) api.post("/api/auth/register", Map.of("email", email, "name", "Dana Organizer", "password", PASSWORD), null).get("token");
        String remove = "The square should be closed to the public at night.";
        List<String> seeds = List.of("The square needs more trees.", "Market stalls should return on Saturdays.", remove,
                "Skateboarding should be allowed in one corner.", "The fountain should be repaired before anything else.",
                "Parking spaces should give way to benches.");
        api.post("/api/conversations", Map.of("slug", "town-square", "topic", "How should we change the town square?",
                "description", "Share what you think the square needs.", "seedStatements", seeds,
                "metadataQuestions", List.of(Map.of("key", "district", "label", "Which district do you live in?",
                        "options", List.of("North", "Old town", "South")))), token);
        seedCamps(api, "town-square", 45, 5, "North", "Old town", "South");
        String removedId = one("SELECT id FROM statement WHERE text = ?", remove);
        String votesSql = "SELECT count(*) FROM current_vote v JOIN conversation k ON k.id = v.conversation_id WHERE k.slug = 'town-square'";
        long before = Long.parseLong(one(votesSql));

        journey("organizer.mjs", base(), "town-square", email, PASSWORD, remove, SCREENSHOTS.toString());

        assertEquals("rejected", one("SELECT status FROM statement WHERE text = ?", remove));
        assertEquals("3", one("SELECT count(*) FROM statement s JOIN conversation k ON k.id = s.conversation_id "
                + "WHERE k.slug = 'library-budget' AND s.is_seed"), "the conversation created in the browser has its three seeds");
        assertEquals("How should the library spend next year’s budget?", one("SELECT topic FROM conversation WHERE slug = 'library-budget'"),
                "the topic as changed in the settings form");
        // The phone participant voted on every statement except the removed one.
        assertEquals(before + seeds.size() - 1, Long.parseLong(one(votesSql)));
        assertEquals("46", one("SELECT count(*) FROM participant p JOIN conversation k ON k.id = p.conversation_id WHERE k.slug = 'town-square'"),
                "the phone joined as exactly one participant");
        String lastParticipant = one("SELECT max(p.id) FROM participant p JOIN conversation k ON k.id = p.conversation_id WHERE k.slug = 'town-square'");
        String removedVotes = one("SELECT count(*) FROM current_vote WHERE participant_id = ? AND statement_id = ?",
                Long.parseLong(lastParticipant), Long.parseLong(removedId));
        assertEquals("0", removedVotes, "the removed statement was never shown to the new participant");
        assertEquals(String.valueOf(seeds.size() - 1), one("SELECT count(*) FROM current_vote WHERE participant_id = ?", Long.parseLong(lastParticipant)));
    }

    @Test
    void aResearcherUploadsTheSampleSurveyAndSeesTheRankingAndTheMap() throws Exception {
        Path survey = Path.of("surveys", "globalopinionqa-sample.csv").toAbsolutePath();
        Path answers = Path.of("surveys", "answers", "country-average-baseline.jsonl").toAbsolutePath();
        Path uniform = Path.of("surveys", "answers", "uniform-baseline.jsonl").toAbsolutePath();

        journey("researcher.mjs", base(), survey.toString(), answers.toString(), uniform.toString(), SCREENSHOTS.toString());

        assertEquals("279", one("SELECT question_count FROM survey_dataset WHERE name = 'GlobalOpinionQA sample'"));
        assertEquals("country-average-baseline,uniform-baseline", one("SELECT string_agg(name, ',' ORDER BY name) FROM answer_set"));
        assertTrue(Files.size(SCREENSHOTS.resolve("research-results-desktop.png")) > 10_000, "the results screenshot was saved");
    }

    @Test
    void statementsWrittenAsMarkupAreShownAsTextAndNeverRun() throws Exception {
        Api api = new Api(client);
        String email = "xss-" + System.nanoTime() + "@example.org";
        String token = (String) api.post("/api/auth/register", Map.of("email", email, "name", "Xavier Organizer", "password", PASSWORD), null).get("token");
        String seed = "<script>window.__xss=1</script>";
        String submitted = "<img src=x onerror=\"window.__xss=1\">";
        String typed = "<iframe src=\"javascript:window.__xss=1\"></iframe> **not bold**";
        List<String> agreed = List.of(seed, "The park should stay open late.", "Benches need shade.");
        List<String> divisive = List.of("The pond should be filled in.", "Dogs should be kept on a leash.", "A cafe should open by the gate.");
        List<String> seeds = new ArrayList<>(agreed);
        seeds.addAll(divisive);
        api.post("/api/conversations", Map.of("slug", "markup", "topic", "What should change in the park?", "moderation", "post",
                "seedStatements", seeds), token);
        Map<String, Long> ids = new HashMap<>();
        for (Object card : api.getList("/api/conversations/markup/statements", null)) {
            ids.put((String) ((Map<?, ?>) card).get("text"), ((Number) ((Map<?, ?>) card).get("id")).longValue());
        }
        // everyone agrees with the markup statements (one a seed, one a participant's), so they reach the report's
        // consensus and the constitution; three camps split on the rest
        Random random = new Random(31);
        for (int p = 0; p < 45; p++) {
            String participant = api.join("markup");
            if (p == 0) {
                Map<?, ?> card = api.asParticipant(HttpRequest.POST("/api/conversations/markup/statements", Map.of("text", submitted)), participant);
                ids.put(submitted, ((Number) card.get("id")).longValue());
            }
            for (String text : List.of(seed, submitted, agreed.get(1), agreed.get(2))) {
                if (p > 0 || !text.equals(submitted)) { // the author agrees with their own statement already
                    api.vote("markup", participant, ids.get(text), random.nextDouble() < 0.9 ? "agree" : "pass");
                }
            }
            for (int d = 0; d < divisive.size(); d++) {
                api.vote("markup", participant, ids.get(divisive.get(d)), random.nextDouble() < 0.85 == (d == p % 3) ? "agree" : "disagree");
            }
        }
        api.post("/api/conversations/markup/analysis/recompute", Map.of(), token);
        List<Map<String, Object>> principles = new ArrayList<>();
        for (Object p : (List<?>) api.get("/api/conversations/markup/constitution/draft", token).get("principles")) {
            principles.add(Map.of("text", ((Map<?, ?>) p).get("text"), "statementIds", ((Map<?, ?>) p).get("statementIds")));
        }
        assertTrue(principles.stream().anyMatch(p -> p.get("text").equals(seed)), "the markup seed is a principle: " + principles);
        api.post("/api/conversations/markup/constitution/versions", Map.of("principles", principles), token);
        api.post("/api/conversations/markup/constitution/versions/1/publish", Map.of(), token);

        journey("xss.mjs", base(), "markup", email, PASSWORD, SCREENSHOTS.toString(), typed, seed, submitted);

        assertEquals(typed, one("SELECT s.text FROM statement s JOIN conversation k"
                + " ON k.id = s.conversation_id WHERE k.slug = 'markup' AND s.text LIKE '<iframe%'"), "the typed statement is stored as written");
    }

    @Test
    void anOrganizerCuratesAndPublishesAConstitutionThatParticipantsRead() throws Exception {
        Api api = new Api(client);
        String email = "ines-" + System.nanoTime() + "@example.org";
        String token = (String) api.post("/api/auth/register", Map.of("email", email, "name", "Ines Organizer", "password", PASSWORD), null).get("token");
        String duplicate1 = "The town budget should be published every year.";
        String duplicate2 = "Everyone should be able to read the yearly budget.";
        String toReword = "Residents should be asked before big projects start.";
        List<String> agreed = List.of("Council meetings should be streamed online.", duplicate1, duplicate2, toReword,
                "Parks should stay free to enter.", "Every decision should be published with its reasons.");
        List<String> divisive = List.of("The town should build a new stadium.", "Cars should be banned downtown.",
                "Taxes should rise to fund the library.");
        List<String> seeds = new ArrayList<>(agreed);
        seeds.addAll(divisive);
        api.post("/api/conversations", Map.of("slug", "town-charter", "topic", "Which principles should guide our council?",
                "description", "Vote on principles for how the council works.", "seedStatements", seeds), token);
        Map<String, Long> ids = new HashMap<>();
        for (Object card : api.getList("/api/conversations/town-charter/statements", null)) {
            ids.put((String) ((Map<?, ?>) card).get("text"), ((Number) ((Map<?, ?>) card).get("id")).longValue());
        }
        // Three camps: they split on the divisive statements and all agree with the others. Little noise: with a tenth
        // of passes and 15 % of contrary votes, the analysis from scratch split off a fourth group of two participants,
        // too small for any statement to count as agreed "in every group".
        Random random = new Random(23);
        for (int p = 0; p < 45; p++) {
            int camp = p % 3;
            String participant = api.join("town-charter");
            for (String text : agreed) {
                api.vote("town-charter", participant, ids.get(text), random.nextDouble() < 0.97 ? "agree" : "pass");
            }
            for (int d = 0; d < divisive.size(); d++) {
                boolean likes = d == camp;
                api.vote("town-charter", participant, ids.get(divisive.get(d)), random.nextDouble() < 0.95 == likes ? "agree" : "disagree");
            }
        }
        // The draft comes from the latest analysis; analyse now rather than wait for the scheduler (tested on its own
        // in AnalysisSchedulerTest), so that a slow machine does not make the journey wait past its timeouts. From
        // scratch: each run starts from the last one's state, and how many live runs the seeding above triggered
        // depends on the machine's load, so warm-started groups could differ from run to run.
        try (Connection c = jdbc(); PreparedStatement s = c.prepareStatement("DELETE FROM analysis_snapshot WHERE"
                + " conversation_id = (SELECT id FROM conversation WHERE slug = 'town-charter')")) {
            s.executeUpdate();
        }
        api.post("/api/conversations/town-charter/analysis/recompute", Map.of(), token);
        String reworded = "Residents must be consulted before any large project begins.";

        journey("constitution.mjs", base(), "town-charter", email, PASSWORD, SCREENSHOTS.toString(), duplicate1, duplicate2,
                toReword, reworded);

        String published = "SELECT v.id FROM constitution_version v JOIN conversation k ON k.id = v.conversation_id"
                + " WHERE k.slug = 'town-charter' AND v.published";
        long version = Long.parseLong(one(published));
        assertEquals("2", one("SELECT version FROM constitution_version WHERE id = ?", version), "version 2 is published");
        assertEquals("1", one("SELECT count(*) FROM constitution_principle WHERE version_id = ? AND text = ?", version, reworded));
        assertEquals(toReword, one("SELECT s.original_text FROM constitution_principle p JOIN constitution_principle_statement s"
                + " ON s.principle_id = p.id WHERE p.version_id = ? AND p.text = ?", version, reworded), "the original wording stays attached");
        assertEquals("1", one("SELECT count(*) FROM constitution_principle p WHERE p.version_id = ? AND"
                + " (SELECT count(*) FROM constitution_principle_statement s WHERE s.principle_id = p.id) = 2", version),
                "the two near-duplicates are one principle");
        assertEquals("1", one("SELECT count(*) FROM constitution_dropped WHERE version_id = ?", version));
        for (String text : divisive) {
            assertEquals("0", one("SELECT count(*) FROM constitution_principle_statement s JOIN constitution_principle p"
                    + " ON p.id = s.principle_id WHERE p.version_id = ? AND s.statement_id = ?", version, ids.get(text)),
                    "a divisive statement is no principle: " + text);
        }
    }
}
