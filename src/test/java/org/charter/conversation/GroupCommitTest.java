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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Votes are written in groups ({@link VoteWriter}): concurrent votes share one SQL statement. These tests fire votes
 * at the same moment so that groups form, and check what a group must not change: the latest vote is current, and a
 * vote that cannot be stored fails alone.
 */
@MicronautTest(transactional = false)
class GroupCommitTest extends DatabaseTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    VoteWriter writer;

    /** One participant votes 200 times at once here, far past what the abuse limits let a person do. */
    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("charter.abuse.rate-limit.enabled", "false");
    }

    @Test
    void concurrentChangesOfOneVoteLeaveTheLatestStoredOneCurrent() throws Exception {
        Api api = new Api(client);
        long statement = conversation(api, "one-vote");
        String token = api.join("one-vote");
        int threads = 8;
        int votesEach = 25;
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < votesEach; i++) {
                        api.vote("one-vote", token, statement, List.of("agree", "disagree", "pass").get((thread + i) % 3));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        }
        try (Connection c = jdbc(); PreparedStatement s = c.prepareStatement("""
                SELECT (SELECT count(*) FROM vote WHERE statement_id = ?),
                       cv.vote_id, (SELECT max(id) FROM vote WHERE statement_id = ?),
                       cv.value, (SELECT value FROM vote WHERE id = cv.vote_id)
                FROM current_vote cv WHERE cv.statement_id = ?""")) {
            s.setLong(1, statement);
            s.setLong(2, statement);
            s.setLong(3, statement);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertEquals(threads * votesEach, rs.getLong(1), "every vote is in the history");
                assertEquals(rs.getLong(3), rs.getLong(2), "the current vote is the last one stored");
                assertEquals(rs.getInt(5), rs.getInt(4), "with its value");
            }
        }
    }

    @Test
    void aVoteThatCannotBeStoredFailsAloneNotItsGroup() throws Exception {
        Api api = new Api(client);
        long statement = conversation(api, "one-bad");
        long conversation = ((Number) api.get("/api/conversations/one-bad", null).get("id")).longValue();
        List<Long> participants = new ArrayList<>();
        for (int p = 0; p < 30; p++) {
            String token = api.join("one-bad");
            api.vote("one-bad", token, statement, "pass");
            participants.add(participantOf(statement, p));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> good = new ArrayList<>();
        Future<?> bad;
        try (ExecutorService pool = Executors.newFixedThreadPool(participants.size() + 1)) {
            for (long p : participants) {
                good.add(pool.submit(() -> {
                    start.await();
                    writer.cast(conversation, p, statement, 1);
                    return null;
                }));
            }
            bad = pool.submit(() -> {
                start.await();
                writer.cast(conversation, participants.getFirst(), statement, 7); // only -1, 0 and 1 are votes
                return null;
            });
            start.countDown();
        }
        for (Future<?> f : good) {
            f.get();
        }
        Exception refused = assertThrows(Exception.class, bad::get, "a vote of 7 is refused by the database");
        assertEquals(true, refused.getCause().getMessage().contains("value"),
                "the failure says why: " + refused.getCause().getMessage());
        try (Connection c = jdbc(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FILTER (WHERE value = 1), count(*) FROM current_vote WHERE statement_id = ?")) {
            s.setLong(1, statement);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertEquals(participants.size(), rs.getLong(1), "every good vote of the group is stored");
                assertEquals(participants.size(), rs.getLong(2), "and nothing of the bad one");
            }
        }
    }

    /** A conversation with one statement; answers the statement's id. */
    private static long conversation(Api api, String slug) {
        String organizer = api.newOrganizer();
        api.post("/api/conversations", Map.of("slug", slug, "topic", "Group commit",
                "seedStatements", List.of("The AI should be honest.")), organizer);
        return ((Number) ((Map<?, ?>) api.next(slug, api.join(slug)).get("statement")).get("id")).longValue();
    }

    /** The id of the participant who voted on the statement in the given place (0 = first). */
    private long participantOf(long statement, int place) throws Exception {
        try (Connection c = jdbc(); PreparedStatement s = c.prepareStatement(
                "SELECT participant_id FROM vote WHERE statement_id = ? ORDER BY id OFFSET ? LIMIT 1")) {
            s.setLong(1, statement);
            s.setInt(2, place);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
