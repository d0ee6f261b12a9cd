package org.charter.reliability;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.charter.testing.Api;
import org.charter.testing.DatabaseTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 200 participants vote at once, as fast as the server answers, for a few seconds, through the real HTTP API into
 * the real PostgreSQL; they change their minds too (a new vote on a statement replaces the old one, and history
 * keeps both). Afterwards the store holds exactly what was acknowledged: one history row per acknowledged vote, no
 * more and no fewer, and each participant's current vote on a statement is the last one acknowledged.
 */
@MicronautTest(transactional = false)
class LoadTest extends DatabaseTest {

    private static final String CONVERSATION = "load";
    private static final int PARTICIPANTS = 200;
    private static final int STATEMENTS = 50;
    /** How long the participants keep voting: bounded, so the test is too. */
    private static final Duration VOTING = Duration.ofSeconds(6);

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    EmbeddedServer server;

    @Override
    protected Map<String, String> extraProperties() {
        return ReliabilitySettings.withoutRateLimits();
    }

    /** What one participant sent and what was acknowledged, in order. */
    record Sent(long participant, Map<Long, List<Integer>> acknowledged, Map<Integer, Integer> refusals) {
    }

    @Test
    void everyAcknowledgedVoteIsStoredExactlyOnce() throws Exception {
        Api api = new Api(client);
        String organizer = api.newOrganizer();
        api.post("/api/conversations", Map.of("slug", CONVERSATION, "topic", "Load",
                "seedStatements", IntStream.range(0, STATEMENTS).mapToObj(i -> "Load statement " + i + ".").toList()), organizer);
        List<Long> statements = api.getList("/api/conversations/" + CONVERSATION + "/statements", null).stream()
                .map(s -> ((Number) ((Map<?, ?>) s).get("id")).longValue()).toList();

        List<Sent> sent = new ArrayList<>();
        AtomicLong requests = new AtomicLong();
        try (Participants participants = new Participants(server.getPort());
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Participants.Participant>> joined = new ArrayList<>();
            for (int i = 0; i < PARTICIPANTS; i++) {
                joined.add(threads.submit(() -> participants.join(CONVERSATION)));
            }
            List<Participants.Participant> people = new ArrayList<>();
            for (Future<Participants.Participant> f : joined) {
                people.add(f.get());
            }
            long end = System.nanoTime() + VOTING.toNanos();
            List<Future<Sent>> voting = new ArrayList<>();
            for (int i = 0; i < PARTICIPANTS; i++) {
                Participants.Participant p = people.get(i);
                Random random = new Random(i);
                voting.add(threads.submit(() -> {
                    Sent mine = new Sent(p.id(), new HashMap<>(), new TreeMap<>());
                    while (System.nanoTime() < end) {
                        long statement = statements.get(random.nextInt(statements.size()));
                        int value = random.nextInt(3) - 1;
                        Participants.Answer answer = participants.vote(CONVERSATION, p, statement, value);
                        requests.incrementAndGet();
                        if (answer.acknowledged()) {
                            mine.acknowledged().computeIfAbsent(statement, s -> new ArrayList<>()).add(value);
                        } else {
                            mine.refusals().merge(answer.status(), 1, Integer::sum);
                        }
                    }
                    return mine;
                }));
            }
            for (Future<Sent> f : voting) {
                sent.add(f.get());
            }
        }

        Map<Integer, Integer> refusals = new TreeMap<>();
        sent.forEach(s -> s.refusals().forEach((status, n) -> refusals.merge(status, n, Integer::sum)));
        long acknowledged = sent.stream().flatMap(s -> s.acknowledged().values().stream()).mapToLong(List::size).sum();
        System.out.printf("LoadTest: %d participants sent %d votes in %s; %d acknowledged; refused by status: %s%n",
                PARTICIPANTS, requests.get(), VOTING, acknowledged, refusals);
        assertTrue(refusals.keySet().stream().allMatch(status -> status == 503 || status == 429),
                "votes are acknowledged or refused as overload, never failed: " + refusals);
        assertTrue(acknowledged >= PARTICIPANTS, "every participant got votes in: " + acknowledged + " of " + requests);

        Map<String, Integer> historyRows = new HashMap<>();
        Map<String, Integer> current = new HashMap<>();
        long total;
        try (Connection c = jdbc(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM vote")) {
                rs.next();
                total = rs.getLong(1);
            }
            try (ResultSet rs = s.executeQuery("SELECT participant_id, statement_id, count(*) FROM vote GROUP BY 1, 2")) {
                while (rs.next()) {
                    historyRows.put(rs.getLong(1) + "/" + rs.getLong(2), rs.getInt(3));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT participant_id, statement_id, value FROM current_vote")) {
                while (rs.next()) {
                    current.put(rs.getLong(1) + "/" + rs.getLong(2), rs.getInt(3));
                }
            }
        }
        assertEquals(acknowledged, total, "stored votes = acknowledged votes (of " + requests + " sent, refused: " + refusals + ")");
        Map<String, Integer> expectedRows = new HashMap<>();
        Map<String, Integer> expectedCurrent = new HashMap<>();
        for (Sent s : sent) {
            s.acknowledged().forEach((statement, values) -> {
                expectedRows.put(s.participant() + "/" + statement, values.size());
                expectedCurrent.put(s.participant() + "/" + statement, values.getLast());
            });
        }
        assertEquals(expectedRows, historyRows, "each acknowledged vote is one history row of its participant and statement");
        assertEquals(expectedCurrent, current, "the current vote is the last one acknowledged");
    }
}
