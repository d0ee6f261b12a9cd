package org.charter.analysis.snapshot;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.data.connection.ConnectionDefinition;
import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Inject;
import org.charter.analysis.Votes;
import org.charter.testing.Api;
import org.charter.testing.DatabaseTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run that reads only the votes cast since the last one sees exactly what a full read sees: new votes, changed
 * votes, and a vote whose transaction commits after later votes were already read.
 */
@MicronautTest(transactional = false)
class IncrementalInputTest extends DatabaseTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    AnalysisInputs inputs;

    @Inject
    ConnectionOperations<Connection> connections;

    @Override
    protected Map<String, String> extraProperties() {
        // every conversation is kept between runs; no live runs get in the way
        return Map.of("charter.analysis.cache-from-votes", "1", "charter.analysis.live", "false");
    }

    @Test
    void readingSinceTheLastRunSeesWhatAFullReadSees() throws Exception {
        Api api = new Api(client);
        String organizer = api.newOrganizer();
        api.post("/api/conversations", Map.of("slug", "incremental", "topic", "Incremental",
                "seedStatements", List.of("One.", "Two.", "Three.")), organizer);
        long conversation = ((Number) api.get("/api/conversations/incremental", null).get("id")).longValue();
        List<Long> ids = api.getList("/api/conversations/incremental/statements", null).stream()
                .map(s -> ((Number) ((Map<?, ?>) s).get("id")).longValue()).toList();
        List<String> tokens = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            tokens.add(api.join("incremental"));
            for (long statement : ids) {
                api.vote("incremental", tokens.get(p), statement, "agree");
            }
        }
        assertSame(conversation); // the first run reads everything
        ageVotes(conversation); // these votes are now long committed: the next runs need not read them again
        assertSame(conversation);
        long readFrom = inputs.readFrom(conversation);
        assertTrue(readFrom > 0, "the next run reads from the last vote stored over " + AnalysisInputs.COMMIT_WITHIN + " ago");

        api.vote("incremental", tokens.get(0), ids.get(0), "disagree"); // a changed vote
        api.vote("incremental", api.join("incremental"), ids.get(1), "pass"); // a new participant
        assertSame(conversation);

        // A vote stored now but committed after later votes were read (another instance, a slow transaction).
        long late = ids.get(2);
        try (Connection c = jdbc()) {
            c.setAutoCommit(false);
            castDirectly(c, conversation, participantOf(c, tokens.get(1)), late, -1);
            api.vote("incremental", tokens.get(2), late, "disagree");
            assertSame(conversation);
            c.commit();
        }
        assertSame(conversation);
        Votes votes = onAConnection(() -> inputs.load(conversation)).input().votes();
        assertEquals(13, votes.size(), "4 × 3 votes and the new participant's; the others changed votes in place");
    }

    /** The run's input equals a full read's, vote for vote and in the same order. */
    private void assertSame(long conversation) {
        AnalysisInputs.Loaded run = onAConnection(() -> inputs.loadForRun(conversation));
        AnalysisInputs.Loaded full = onAConnection(() -> inputs.load(conversation));
        assertEquals(visited(full.input().votes()), visited(run.input().votes()));
        assertEquals(full.key(), run.key());
        assertEquals(full.lastVoteId(), run.lastVoteId());
    }

    private <T> T onAConnection(java.util.function.Supplier<T> read) {
        return connections.execute(ConnectionDefinition.DEFAULT, status -> read.get());
    }

    private static List<String> visited(Votes votes) {
        List<String> out = new ArrayList<>();
        votes.forEach((p, s, v) -> out.add(p + "/" + s + "=" + v));
        return out;
    }

    private void ageVotes(long conversation) throws Exception {
        try (Connection c = jdbc(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE vote SET created_at = created_at - interval '1 hour' WHERE conversation_id = " + conversation);
        }
    }

    private static long participantOf(Connection c, String token) throws Exception {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM participant WHERE token_hash = ?")) {
            s.setBytes(1, org.charter.security.SecretTokens.hash(token));
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** As the vote writer stores a vote: the history row and the current vote, in the caller's transaction. */
    private static void castDirectly(Connection c, long conversation, long participant, long statement, int value)
            throws Exception {
        try (PreparedStatement s = c.prepareStatement("""
                WITH cast_vote AS (
                    INSERT INTO vote (conversation_id, participant_id, statement_id, value, created_at)
                    VALUES (?, ?, ?, ?, clock_timestamp()) RETURNING id, created_at)
                INSERT INTO current_vote (participant_id, statement_id, conversation_id, value, vote_id, updated_at)
                SELECT ?, ?, ?, ?, id, created_at FROM cast_vote
                ON CONFLICT (participant_id, statement_id)
                DO UPDATE SET value = EXCLUDED.value, vote_id = EXCLUDED.vote_id, updated_at = EXCLUDED.updated_at""")) {
            s.setLong(1, conversation);
            s.setLong(2, participant);
            s.setLong(3, statement);
            s.setInt(4, value);
            s.setLong(5, participant);
            s.setLong(6, statement);
            s.setLong(7, conversation);
            s.setInt(8, value);
            s.executeUpdate();
        }
    }
}
