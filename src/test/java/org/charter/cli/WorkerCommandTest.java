package org.charter.cli;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.charter.database.ConnectionInfo;
import org.charter.testing.Api;
import org.charter.testing.SchedulingPolicy;
import org.charter.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server started with {@code charter.analysis.live=false} analyses nothing by itself; a {@code charter worker}
 * process on the same database analyses its conversations, again when more votes come, with all its threads in
 * Linux's idle scheduling class.
 */
class WorkerCommandTest {

    @Test
    void aWorkerAnalysesWhatTheServerLeavesToItAtIdlePriority() throws Exception {
        ConnectionInfo db = TestDatabases.freshDatabase();
        Map<String, Object> properties = new HashMap<>(db.micronautProperties());
        properties.put("charter.analysis.live", false);
        properties.put("charter.analysis.debounce", "50ms");
        properties.put("charter.security.bcrypt-cost", 4);
        properties.put("micronaut.server.port", -1);
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test");
             HttpClient client = HttpClient.create(server.getURL())) {
            Api api = new Api(client);
            String organizer = api.newOrganizer();
            api.post("/api/conversations", Map.of("slug", "worked", "topic", "Worked",
                    "seedStatements", List.of("One.", "Two.", "Three.", "Four.")), organizer);
            List<Long> ids = api.getList("/api/conversations/worked/statements", null).stream()
                    .map(s -> ((Number) ((Map<?, ?>) s).get("id")).longValue()).toList();
            int votes = vote(api, ids, 6);
            Thread.sleep(1_000); // four debounces: a live server would have analysed by now
            assertEquals(Boolean.TRUE, api.get("/api/conversations/worked/analysis", null).get("pending"),
                    "the server left the analysis to a worker");

            Process worker = startWorker(db);
            try {
                Map<?, ?> first = awaitSnapshot(api, votes);
                assertTrue(((String) first.get("computedBy")).startsWith(worker.pid() + "@"),
                        "computed by the worker process: " + first.get("computedBy"));
                List<Integer> policies = threadPolicies(worker.pid());
                assertTrue(policies.size() > 10, "a JVM has many threads: " + policies);
                assertTrue(policies.stream().allMatch(p -> p == SchedulingPolicy.IDLE), "every worker thread is in SCHED_IDLE: " + policies);

                votes += vote(api, ids, 3);
                Map<?, ?> second = awaitSnapshot(api, votes);
                assertTrue(((Number) second.get("version")).intValue() > ((Number) first.get("version")).intValue());
            } finally {
                worker.destroy();
                assertTrue(worker.waitFor(60, TimeUnit.SECONDS), "the worker stops when asked");
            }
        }
    }

    @Test
    void anUnknownOptionIsRefusedBeforeAnythingStarts() throws Exception {
        CommandRun run = CommandRun.of("worker", "--port", "8080");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("Unknown options: '--port'"), run.err());
    }

    private static int vote(Api api, List<Long> ids, int participants) {
        int sent = 0;
        for (int p = 0; p < participants; p++) {
            String token = api.join("worked");
            for (int i = 0; i < ids.size(); i++) {
                api.vote("worked", token, ids.get(i), (p + i) % 3 - 1);
                sent++;
            }
        }
        return sent;
    }

    private static Process startWorker(ConnectionInfo db) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "org.charter.Charter", "worker");
        pb.environment().keySet().removeIf(k -> k.startsWith("CHARTER_"));
        pb.environment().putAll(Map.of("CHARTER_DB_URL", db.url(), "CHARTER_DB_USER", db.user(),
                "CHARTER_DB_PASSWORD", db.password(), "CHARTER_ANALYSIS_SWEEP", "500ms"));
        Path log = Files.createTempFile("charter-worker", ".log");
        log.toFile().deleteOnExit();
        return pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** The conversation's snapshot once it holds all these votes (the worker's sweep finds them). */
    private static Map<?, ?> awaitSnapshot(Api api, int votes) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        Map<?, ?> snapshot = api.get("/api/conversations/worked/analysis", null);
        while (!(snapshot.get("voteCount") instanceof Number n && n.intValue() == votes) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            snapshot = api.get("/api/conversations/worked/analysis", null);
        }
        assertEquals(votes, ((Number) snapshot.get("voteCount")).intValue(), "the worker analysed all votes: " + snapshot);
        return snapshot;
    }

    private static List<Integer> threadPolicies(long pid) throws IOException {
        List<Integer> policies = new ArrayList<>();
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    policies.add(SchedulingPolicy.in(task.resolve("stat")));
                } catch (NoSuchFileException ended) {
                    // the thread ended between listing and reading
                }
            }
        }
        return policies;
    }
}
