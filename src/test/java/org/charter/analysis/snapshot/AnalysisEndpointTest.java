package org.charter.analysis.snapshot;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.charter.testing.Api;
import org.charter.testing.DatabaseTest;
import org.junit.jupiter.api.Test;

import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Votes arrive over HTTP; the service analyses the conversation on its own, stores a snapshot and serves it. */
@MicronautTest(transactional = false)
class AnalysisEndpointTest extends DatabaseTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("charter.analysis.debounce", "200ms");
    }

    @Test
    void newVotesLeadToAStoredSnapshotWithTwoOpinionGroups() throws Exception {
        Api api = new Api(client);
        String organizer = api.newOrganizer();
        List<String> seeds = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            seeds.add("Statement number " + i + " about the rules.");
        }
        api.post("/api/conversations", Map.of("slug", "split", "topic", "Split", "seedStatements", seeds,
                "metadataQuestions", List.of(Map.of("key", "camp", "label", "Which camp?", "options", List.of("east", "west")))), organizer);
        Map<?, ?> before = api.get("/api/conversations/split/analysis", null);
        assertEquals(Boolean.TRUE, before.get("pending"));
        assertNull(before.get("result"));

        // Two planted camps: even statements split them, odd ones everyone agrees with.
        List<Long> ids = api.getList("/api/conversations/split/statements", null).stream()
                .map(s -> ((Number) ((Map<?, ?>) s).get("id")).longValue()).toList();
        List<String> tokens = new ArrayList<>();
        int votes = 0;
        for (int p = 0; p < 40; p++) {
            String token = api.join("split");
            tokens.add(token);
            if (p < 30) { // some participants say which camp they are in
                api.asParticipant(HttpRequest.PUT("/api/conversations/split/me/answers",
                        Map.of("camp", p % 2 == 0 ? "east" : "west")), token);
            }
            for (int i = 0; i < ids.size(); i++) {
                int value = i % 2 == 1 ? 1 : (p % 2 == 0 ? 1 : -1);
                api.vote("split", token, ids.get(i), value);
                votes++;
            }
        }

        Map<?, ?> snapshot = waitForVotes(api, votes);
        Map<?, ?> result = (Map<?, ?>) snapshot.get("result");
        assertEquals(40, ((Number) result.get("participants")).intValue());
        List<?> groups = (List<?>) result.get("groups");
        assertEquals(2, groups.size(), "the two planted camps");
        for (Object g : groups) {
            assertEquals(20, ((List<?>) ((Map<?, ?>) g).get("members")).size());
        }

        Map<?, ?> me = api.asParticipant(HttpRequest.GET("/api/conversations/split/me"), tokens.getFirst());
        assertNotNull(me.get("group"));
        assertEquals(2, ((List<?>) me.get("position")).size());
        assertEquals(12, ((Number) me.get("voted")).intValue());
        Map<?, ?> other = api.asParticipant(HttpRequest.GET("/api/conversations/split/me"), tokens.get(1));
        assertTrue(!me.get("group").equals(other.get("group")), "participants of different camps are in different groups");

        // The snapshot in the database is the one served.
        try (var c = jdbc(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT max(version), count(*) FROM analysis_snapshot")) {
            rs.next();
            assertEquals(((Number) snapshot.get("version")).intValue(), rs.getInt(1));
        }

        // Grouped by a metadata answer instead of by opinion: the east camp agrees with statement 0, the west does not.
        Map<?, ?> breakdown = api.get("/api/conversations/split/analysis/breakdown?by=camp", organizer);
        assertEquals(Map.of("0", "east", "1", "west"), breakdown.get("groups"));
        assertEquals(30, ((Number) breakdown.get("answered")).intValue());
        Map<?, ?> byCamp = (Map<?, ?>) breakdown.get("result");
        Map<?, ?> first = ((List<?>) byCamp.get("statementStats")).stream().map(m -> (Map<?, ?>) m)
                .filter(m -> ((Number) m.get("statementId")).longValue() == ids.getFirst()).findFirst().orElseThrow();
        Map<?, ?> groupVotes = (Map<?, ?>) first.get("groupVotes");
        assertEquals(15, ((Number) ((Map<?, ?>) groupVotes.get("0")).get("agree")).intValue());
        assertEquals(15, ((Number) ((Map<?, ?>) groupVotes.get("1")).get("disagree")).intValue());
        api.problem(io.micronaut.http.HttpStatus.NOT_FOUND, HttpRequest.GET("/api/conversations/split/analysis/breakdown?by=age")
                .bearerAuth(organizer));
        api.problem(io.micronaut.http.HttpStatus.BAD_REQUEST, HttpRequest.GET("/api/conversations/split/analysis/breakdown")
                .bearerAuth(organizer));

        // An organizer forces a run; a stranger may not.
        Map<?, ?> forced = api.post("/api/conversations/split/analysis/recompute", Map.of(), organizer);
        assertEquals(((Number) snapshot.get("version")).intValue() + 1, ((Number) forced.get("version")).intValue());
        api.problem(io.micronaut.http.HttpStatus.FORBIDDEN,
                HttpRequest.POST("/api/conversations/split/analysis/recompute", Map.of()).bearerAuth(api.newOrganizer()));
    }

    private static Map<?, ?> waitForVotes(Api api, int votes) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Map<?, ?> snapshot = Map.of();
        while (System.nanoTime() < deadline) {
            snapshot = api.get("/api/conversations/split/analysis", null);
            if (snapshot.get("result") != null && ((Number) snapshot.get("voteCount")).intValue() == votes) {
                return snapshot;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no snapshot with all " + votes + " votes within 30 s; the latest: version "
                + snapshot.get("version") + " with " + snapshot.get("voteCount") + " votes");
    }
}
