package org.charter.analysis.snapshot;

import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.charter.database.ConnectionInfo;
import org.charter.testing.Api;
import org.charter.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two app instances on one database while votes arrive at both: every run of the conversation's analysis holds
 * the advisory lock alone (no two runs overlap in time), and both instances serve the same latest snapshot.
 */
class TwoInstancesTest {

    @Test
    void analysisRunsTakeTurnsAcrossInstancesAndBothServeTheLatestSnapshot() throws Exception {
        ConnectionInfo db = TestDatabases.freshDatabase();
        try (EmbeddedServer a = start(db, "instance-a"); EmbeddedServer b = start(db, "instance-b");
             HttpClient clientA = HttpClient.create(a.getURL()); HttpClient clientB = HttpClient.create(b.getURL())) {
            Api apiA = new Api(clientA);
            Api apiB = new Api(clientB);
            String organizer = apiA.newOrganizer();
            List<String> seeds = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                seeds.add("Shared statement " + i + ".");
            }
            apiA.post("/api/conversations", Map.of("slug", "shared", "topic", "Shared", "seedStatements", seeds), organizer);
            List<Long> ids = apiA.getList("/api/conversations/shared/statements", null).stream()
                    .map(s -> ((Number) ((Map<?, ?>) s).get("id")).longValue()).toList();

            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Future<Integer>> work = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Api api = t % 2 == 0 ? apiA : apiB;
                int camp = t;
                work.add(pool.submit(() -> {
                    int sent = 0;
                    for (int p = 0; p < 8; p++) {
                        String token = api.join("shared");
                        for (int i = 0; i < ids.size(); i++) {
                            api.vote("shared", token, ids.get(i), i % 2 == 0 ? 1 : (camp % 2 == 0 ? 1 : -1));
                            sent++;
                        }
                    }
                    return sent;
                }));
            }
            // Organizers also force runs on both instances at the same time.
            for (int r = 0; r < 6; r++) {
                Api api = r % 2 == 0 ? apiA : apiB;
                work.add(pool.submit(() -> {
                    api.post("/api/conversations/shared/analysis/recompute", Map.of(), organizer);
                    return 0;
                }));
            }
            int votes = 0;
            for (Future<Integer> f : work) {
                votes += f.get();
            }
            pool.shutdown();
            Map<?, ?> last = apiB.post("/api/conversations/shared/analysis/recompute", Map.of(), organizer);
            assertEquals(votes, ((Number) last.get("voteCount")).intValue());

            List<long[]> runs = new ArrayList<>();
            Set<String> instances = new HashSet<>();
            Map<Integer, String> byVersion = new HashMap<>();
            try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT version, computed_at, duration_ms, computed_by FROM analysis_snapshot ORDER BY version")) {
                while (rs.next()) {
                    Instant end = rs.getTimestamp(2).toInstant();
                    long endMicros = end.getEpochSecond() * 1_000_000 + end.getNano() / 1000;
                    runs.add(new long[]{endMicros - rs.getInt(3) * 1000L, endMicros});
                    instances.add(rs.getString(4));
                    byVersion.put(rs.getInt(1), rs.getString(4));
                }
            }
            assertTrue(runs.size() >= 7, "every forced run stored a snapshot: " + runs.size());
            assertEquals(Set.of("instance-a", "instance-b"), instances, "both instances ran the analysis");
            for (int i = 1; i < runs.size(); i++) {
                assertTrue(runs.get(i)[0] >= runs.get(i - 1)[1],
                        "run " + (i + 1) + " started before run " + i + " finished: versions are computed one at a time");
            }

            Map<?, ?> fromA = apiA.get("/api/conversations/shared/analysis", null);
            Map<?, ?> fromB = apiB.get("/api/conversations/shared/analysis", null);
            assertEquals(fromA.get("version"), fromB.get("version"));
            assertEquals(fromA.get("result"), fromB.get("result"));
            assertEquals(byVersion.size(), runs.size());
        }
    }

    private static EmbeddedServer start(ConnectionInfo db, String instance) {
        Map<String, Object> properties = new HashMap<>(db.micronautProperties());
        properties.put("charter.instance-id", instance);
        properties.put("charter.analysis.kept-snapshots", 1000);
        properties.put("charter.analysis.debounce", "50ms");
        properties.put("charter.security.bcrypt-cost", 4);
        properties.put("micronaut.server.port", -1);
        return io.micronaut.context.ApplicationContext.run(EmbeddedServer.class, properties, "test");
    }
}
