package org.charter.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.charter.testing.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL restarts while participants vote. During the outage the application says it is unhealthy (GET /health
 * 503) and answers requests with 503 problems carrying Retry-After, never 500; when the server is back the
 * connection pool reconnects by itself, health is UP and votes flow again; and every vote that was acknowledged
 * is stored, exactly once.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseRestartTest implements TestPropertyProvider {

    private static final String CONVERSATION = "restart";
    private static final int VOTERS = 20;
    private static final int STATEMENTS = 300;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** This test's own server: the test stops and starts it. */
    private final OwnPostgres postgres = OwnPostgres.start();

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("datasources.default.url", postgres.url());
        properties.put("datasources.default.username", "postgres");
        properties.put("datasources.default.password", "");
        // Fail fast while the server is away: a request waits at most a second for a connection.
        properties.put("datasources.default.connection-timeout", "1000");
        properties.put("datasources.default.validation-timeout", "500");
        properties.putAll(ReliabilitySettings.withoutRateLimits());
        return properties;
    }

    @AfterAll
    void stopPostgres() throws Exception {
        postgres.close();
    }

    /** One vote request and its answer. */
    record Attempt(long participant, long statement, int value, Participants.Answer answer, boolean afterRestart) {
    }

    @Test
    void votesSurviveAPostgresRestartAndTheOutageIsA503() throws Exception {
        Api api = new Api(client);
        String organizer = api.newOrganizer();
        api.post("/api/conversations", Map.of("slug", CONVERSATION, "topic", "Restarts",
                "seedStatements", IntStream.range(0, STATEMENTS).mapToObj(i -> "Statement number " + i + ".").toList()), organizer);
        List<Long> statements = api.getList("/api/conversations/" + CONVERSATION + "/statements", null).stream()
                .map(s -> ((Number) ((Map<?, ?>) s).get("id")).longValue()).toList();

        ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean restarted = new AtomicBoolean();
        try (Participants participants = new Participants(server.getPort());
             ExecutorService voters = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int v = 0; v < VOTERS; v++) {
                Participants.Participant p = participants.join(CONVERSATION);
                List<Long> order = new ArrayList<>(statements);
                Random random = new Random(v);
                Collections.shuffle(order, random);
                voters.submit(() -> {
                    for (long statement : order) {
                        if (stop.get()) {
                            return null;
                        }
                        int value = random.nextInt(3) - 1;
                        boolean after = restarted.get();
                        attempts.add(new Attempt(p.id(), statement, value, participants.vote(CONVERSATION, p, statement, value), after));
                        Thread.sleep(50); // about 20 votes a second per participant
                    }
                    return null;
                });
            }

            try {
                restartWhileVoting(participants, attempts, restarted);
            } finally {
                stop.set(true);
            }
        }

        List<Attempt> all = List.copyOf(attempts);
        for (Attempt a : all) {
            int status = a.answer().status();
            assertTrue(a.answer().acknowledged() || status == 503, () -> "only 2xx or 503, got " + a);
            if (status == 503) {
                assertUnavailable(a.answer());
            }
        }
        assertStored(all);

        // Analysis runs again on the recovered database.
        Map<?, ?> analysis = api.post("/api/conversations/" + CONVERSATION + "/analysis/recompute", Map.of(), organizer);
        assertTrue(((Number) analysis.get("version")).intValue() >= 1, analysis::toString);
        assertEquals(((Number) analysis.get("voteCount")).longValue(), currentVotes());
    }

    /** Stops PostgreSQL once votes flow, checks what clients see during the outage, starts it again. */
    private void restartWhileVoting(Participants participants, ConcurrentLinkedQueue<Attempt> attempts,
                                    AtomicBoolean restarted) throws Exception {
        await("votes are acknowledged", () -> acknowledged(attempts, false) >= 60);
        postgres.stop();

        // The outage: health is DOWN, requests are refused with 503 problems that say when to retry.
        await("health reports the outage", () -> participants.get("/health").status() == 503);
        Participants.Answer health = participants.get("/health");
        assertEquals(503, health.status());
        assertEquals("DOWN", Participants.JSON.readTree(health.body()).path("status").asText(), health.body());
        await("votes are refused with 503", () -> attempts.stream().filter(a -> a.answer().status() == 503).count() >= VOTERS);
        Participants.Answer read = participants.get("/api/conversations/" + CONVERSATION + "/analysis");
        assertUnavailable(read);

        postgres.startAgain();
        restarted.set(true);

        // The pool reconnects by itself: health is UP and votes are acknowledged again.
        await("health is UP again", () -> participants.get("/health").status() == 200);
        await("votes flow again", () -> acknowledged(attempts, true) >= 60);
    }

    private static void assertUnavailable(Participants.Answer answer) throws Exception {
        assertEquals(503, answer.status(), answer::toString);
        assertTrue(answer.contentType().startsWith("application/problem+json"), answer::toString);
        assertNotNull(answer.retryAfter(), () -> "Retry-After on " + answer);
        JsonNode problem = Participants.JSON.readTree(answer.body());
        assertEquals(503, problem.path("status").asInt());
        assertTrue(problem.hasNonNull("detail") && problem.hasNonNull("title") && problem.hasNonNull("type"), answer::toString);
    }

    /**
     * Every acknowledged vote is stored exactly once with its value; a refused one at most once (its commit may have
     * happened as the connection was cut); nothing else is stored.
     */
    private void assertStored(List<Attempt> all) throws Exception {
        Map<String, Integer> rows = new HashMap<>();
        Map<String, Integer> current = new HashMap<>();
        try (Connection c = DriverManager.getConnection(postgres.url(), "postgres", "");
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT participant_id, statement_id, count(*) FROM vote GROUP BY 1, 2")) {
                while (rs.next()) {
                    rows.put(rs.getLong(1) + "/" + rs.getLong(2), rs.getInt(3));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT participant_id, statement_id, value FROM current_vote")) {
                while (rs.next()) {
                    current.put(rs.getLong(1) + "/" + rs.getLong(2), rs.getInt(3));
                }
            }
        }
        int acknowledged = 0;
        for (Attempt a : all) {
            String key = a.participant() + "/" + a.statement();
            if (a.answer().acknowledged()) {
                acknowledged++;
                assertEquals(1, rows.getOrDefault(key, 0), () -> "acknowledged vote stored once: " + a);
                assertEquals(a.value(), current.get(key), () -> "acknowledged vote's value: " + a);
            } else {
                assertTrue(rows.getOrDefault(key, 0) <= 1, () -> "a refused vote is stored at most once: " + a);
            }
        }
        long attemptedPairs = all.stream().map(a -> a.participant() + "/" + a.statement()).distinct().count();
        assertEquals(all.size(), attemptedPairs, "each participant voted on each statement at most once");
        assertTrue(all.stream().map(a -> a.participant() + "/" + a.statement()).toList().containsAll(rows.keySet()),
                "nothing is stored that was not sent");
        int stored = rows.values().stream().mapToInt(Integer::intValue).sum();
        assertTrue(stored >= acknowledged && stored <= all.size(), "stored " + stored + ", acknowledged " + acknowledged);
        assertEquals(rows.keySet(), current.keySet(), "every stored vote is the current vote of its pair");
    }

    private long currentVotes() throws Exception {
        try (Connection c = DriverManager.getConnection(postgres.url(), "postgres", "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM current_vote")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int acknowledged(ConcurrentLinkedQueue<Attempt> attempts, boolean afterRestart) {
        return (int) attempts.stream().filter(a -> a.afterRestart() == afterRestart && a.answer().acknowledged()).count();
    }

    /** Waits for something the test needs before going on; failing after a generous bound, not a timing check. */
    static void await(String what, ThrowingCondition condition) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting until " + what);
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    interface ThrowingCondition {
        boolean holds() throws Exception;
    }
}
