package org.charter.conversation;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.charter.testing.Api;
import org.charter.testing.DatabaseTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What listens to stored votes cannot undo or repeat them: a failing listener leaves each vote stored once. */
@MicronautTest(transactional = false)
class VotesStoredListenerTest extends DatabaseTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    FailingVotesListener listener;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("charter.test.failing-votes-listener", "true");
    }

    @Test
    void aFailingListenerNeitherFailsNorRepeatsTheVotes() throws Exception {
        Api api = new Api(client);
        String organizer = api.newOrganizer();
        api.post("/api/conversations", Map.of("slug", "heard", "topic", "Listeners",
                "seedStatements", List.of("The AI should be honest.", "The AI should be kind.")), organizer);
        String token = api.join("heard");
        for (int i = 0; i < 2; i++) {
            long statement = ((Number) ((Map<?, ?>) api.next("heard", token).get("statement")).get("id")).longValue();
            api.vote("heard", token, statement, "agree"); // answered 200: the vote counts although the listener failed
        }
        assertTrue(listener.calls.get() >= 1, "the listener was told");
        try (Connection c = jdbc(); PreparedStatement s = c.prepareStatement("""
                SELECT (SELECT count(*) FROM vote v JOIN conversation k ON k.id = v.conversation_id WHERE k.slug = 'heard'),
                       (SELECT count(*) FROM current_vote v JOIN conversation k ON k.id = v.conversation_id WHERE k.slug = 'heard')""");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            assertEquals(2, rs.getLong(1), "each vote is in the history once");
            assertEquals(2, rs.getLong(2));
        }
    }
}
