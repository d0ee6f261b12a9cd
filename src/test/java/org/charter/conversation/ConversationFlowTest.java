package org.charter.conversation;

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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A whole conversation over HTTP: creation, 50 participants voting and writing, moderation, a changed vote. */
@MicronautTest(transactional = false)
class ConversationFlowTest extends DatabaseTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void aWholeConversationCountsExactlyWhatWasSent() throws Exception {
        Api api = new Api(client);
        String organizer = api.newOrganizer();
        Map<?, ?> created = api.post("/api/conversations", Map.of(
                "slug", "ai-rules",
                "topic", "What rules should an AI follow?",
                "description", "Vote on **principles**.",
                "seedStatements", List.of("The AI should be honest.", "The AI should not be discriminatory.",
                        "The AI should explain its reasoning.", "The AI should refuse dangerous requests.",
                        "The AI should respect privacy."),
                "moderation", "post",
                "metadataQuestions", List.of(Map.of("key", "country", "label", "Where do you live?",
                        "options", List.of("Japan", "Brazil", "Other")))), organizer);
        assertEquals("ai-rules", created.get("slug"));
        assertEquals(5L, ((Number) ((Map<?, ?>) created.get("counts")).get("statements")).longValue());

        Random random = new Random(7);
        Map<String, String> tokens = new HashMap<>();
        Map<String, Map<Long, Integer>> sent = new HashMap<>();   // participant -> statement -> latest vote
        int voteEvents = 0;
        Set<Long> written = new HashSet<>();
        for (int p = 0; p < 50; p++) {
            String name = "p" + p;
            String token = api.join("ai-rules");
            tokens.put(name, token);
            sent.put(name, new HashMap<>());
            api.asParticipant(HttpRequest.PUT("/api/conversations/ai-rules/me/answers", Map.of("country", "Japan")), token);
            if (p % 10 == 3) {
                Map<?, ?> statement = api.asParticipant(HttpRequest.POST("/api/conversations/ai-rules/statements",
                        Map.of("text", "Participant " + p + " thinks the AI should cite sources.")), token);
                long id = ((Number) statement.get("id")).longValue();
                written.add(id);
                sent.get(name).put(id, 1);   // the author's own agreement, as in Polis
                voteEvents++;
            }
            Map<?, ?> next = api.next("ai-rules", token);
            int budget = 3 + random.nextInt(6);
            while (next.get("statement") != null && budget-- > 0) {
                long id = ((Number) ((Map<?, ?>) next.get("statement")).get("id")).longValue();
                assertFalse(sent.get(name).containsKey(id), "never routed a statement the participant already voted on");
                int value = random.nextInt(3) - 1;
                Map<?, ?> receipt = api.vote("ai-rules", token, id, List.of("disagree", "pass", "agree").get(value + 1));
                assertEquals(value, ((Number) receipt.get("vote")).intValue());
                sent.get(name).put(id, value);
                voteEvents++;
                next = (Map<?, ?>) receipt.get("next");
            }
        }

        // Moderation removes one seed statement: participants no longer get it, its votes are kept.
        List<?> visible = api.getList("/api/conversations/ai-rules/statements", null);
        long removed = ((Number) ((Map<?, ?>) visible.getFirst()).get("id")).longValue();
        Map<?, ?> moderated = api.patch("/api/conversations/ai-rules/statements/" + removed, Map.of("status", "rejected"), organizer);
        assertEquals("rejected", moderated.get("status"));
        assertTrue(api.getList("/api/conversations/ai-rules/statements", null).stream()
                .noneMatch(s -> ((Number) ((Map<?, ?>) s).get("id")).longValue() == removed));
        String fresh = api.join("ai-rules");
        for (Map<?, ?> next = api.next("ai-rules", fresh); next.get("statement") != null; ) {
            long id = ((Number) ((Map<?, ?>) next.get("statement")).get("id")).longValue();
            assertTrue(id != removed, "a removed statement is not routed");
            next = (Map<?, ?>) api.vote("ai-rules", fresh, id, "pass").get("next");
            sent.computeIfAbsent("fresh", k -> new HashMap<>()).put(id, 0);
            voteEvents++;
        }
        assertEquals("You have voted on every statement. Thank you!", api.next("ai-rules", fresh).get("message"));

        // A participant changes a vote: the latest counts, the history keeps both.
        String changer = "p1";
        long changedStatement = sent.get(changer).keySet().stream().filter(id -> id != removed).findFirst().orElseThrow();
        int newValue = sent.get(changer).get(changedStatement) == 1 ? -1 : 1;
        api.vote("ai-rules", tokens.get(changer), changedStatement, newValue);
        sent.get(changer).put(changedStatement, newValue);
        voteEvents++;

        long expectedVotes = sent.values().stream().mapToLong(Map::size).sum();
        long expectedVoters = sent.values().stream().filter(m -> !m.isEmpty()).count();
        Map<?, ?> counts = api.get("/api/conversations/ai-rules/counts", organizer);
        assertEquals(51L, ((Number) counts.get("participants")).longValue());
        assertEquals(expectedVoters, ((Number) counts.get("voters")).longValue());
        assertEquals(expectedVotes, ((Number) counts.get("votes")).longValue());
        assertEquals(voteEvents, ((Number) counts.get("voteEvents")).longValue());
        assertEquals(5L + written.size(), ((Number) counts.get("statements")).longValue());
        assertEquals(1L, ((Number) counts.get("rejected")).longValue());
        assertNotNull(counts.get("lastActivity"));

        // The database holds exactly the latest vote sent for each pair.
        Map<String, Integer> stored = new HashMap<>();
        try (var c = jdbc(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT participant_id, statement_id, value FROM current_vote")) {
            while (rs.next()) {
                stored.put(rs.getLong(1) + "/" + rs.getLong(2), rs.getInt(3));
            }
        }
        assertEquals(expectedVotes, stored.size());
        Map<?, ?> tally = api.getList("/api/conversations/ai-rules/statements/all", organizer).stream()
                .map(m -> (Map<?, ?>) m)
                .filter(m -> ((Number) m.get("id")).longValue() == changedStatement)
                .findFirst().orElseThrow();
        long agrees = sent.values().stream().filter(m -> Integer.valueOf(1).equals(m.get(changedStatement))).count();
        assertEquals(agrees, ((Number) tally.get("agrees")).longValue());
        try (var c = jdbc(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM participant_answer WHERE answer = 'Japan'")) {
            rs.next();
            assertEquals(50, rs.getInt(1));
        }
        assertNull(api.next("ai-rules", fresh).get("statement"));
    }
}
