package org.charter.conversation;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.charter.testing.Api;
import org.charter.testing.DatabaseTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * This instance keeps a conversation's open statements in memory and re-reads them in the background about once a
 * second ({@link OpenStatements}). A change made by another instance, which this one does not hear of, must still
 * reach the participants of this one within seconds.
 */
@MicronautTest(transactional = false)
class ChangesFromElsewhereTest extends DatabaseTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("charter.abuse.rate-limit.enabled", "false");
    }

    @Test
    void aStatementRemovedByAnotherInstanceStopsTakingVotesWithinSeconds() throws Exception {
        Api api = new Api(client);
        api.post("/api/conversations", Map.of("slug", "elsewhere", "topic", "Changes from elsewhere",
                "seedStatements", List.of("The AI should be honest.")), api.newOrganizer());
        String token = api.join("elsewhere");
        long statement = ((Number) ((Map<?, ?>) api.next("elsewhere", token).get("statement")).get("id")).longValue();
        api.vote("elsewhere", token, statement, "agree"); // the open statements are now in memory

        try (Connection c = jdbc(); PreparedStatement s = c.prepareStatement(
                "UPDATE statement SET status = 'rejected', moderated_at = now() WHERE id = ?")) {
            s.setLong(1, statement);
            assertEquals(1, s.executeUpdate());
        }

        long removedAt = System.nanoTime();
        int status = 200;
        while (status == 200 && System.nanoTime() - removedAt < 10_000_000_000L) {
            try {
                api.vote("elsewhere", token, statement, "disagree");
                Thread.sleep(100);
            } catch (HttpClientResponseException e) {
                status = e.getStatus().getCode();
            }
        }
        double seconds = (System.nanoTime() - removedAt) / 1e9;
        assertEquals(409, status, "a vote on the removed statement is refused once the instance re-read its statements");
        assertTrue(seconds < 5, "the removal took effect after " + seconds + " s");
        Map<?, ?> next = api.next("elsewhere", api.join("elsewhere"));
        assertEquals(null, next.get("statement"), "and it is no longer offered: " + next);
    }
}
