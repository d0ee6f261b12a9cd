package org.charter.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import org.charter.database.ConnectionInfo;
import org.charter.testing.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.charter.reliability.DatabaseRestartTest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Charter killed with SIGKILL in the middle of its work, as a crash or an impatient operator would: the process gets
 * no chance to clean up, only PostgreSQL's transactions protect the data. A killed import leaves none of the
 * conversation (it is one transaction); a killed analysis run leaves the previous snapshot, which a new process
 * serves, and its advisory lock dies with its session, so the next run succeeds. The moment to kill is read from
 * PostgreSQL itself (the importer's session inserting votes; the analysis lock held), not guessed from a clock.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashTest {

    private static final String CONVERSATION = "crash";
    private static final int VOTERS = 3_000;
    private static final int STATEMENTS = 100;
    /** The analysis lock's first key ("ANLS"), as org.charter.analysis.snapshot.SnapshotStore takes it. */
    private static final long ANALYSIS_LOCK = 0x414E4C53L;
    /** SIGKILL: 128 + 9. */
    private static final int KILLED = 137;

    private final ConnectionInfo database = TestDatabases.freshDatabase();

    @TempDir
    static Path tmp;

    private Path export;
    private int votes;
    private int voters;
    private boolean imported;

    /** A Polis export big enough that importing it takes a few seconds: 3,000 participants, about 150,000 votes. */
    @BeforeAll
    void writeExport() throws Exception {
        export = tmp.resolve("export");
        Files.createDirectories(export);
        long start = 1_700_000_000_000L;
        try (BufferedWriter w = Files.newBufferedWriter(export.resolve("comments.csv"), StandardCharsets.UTF_8)) {
            w.write("timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n");
            for (int s = 0; s < STATEMENTS; s++) {
                w.write(start + ",," + s + ",0,0,0,1,Crash statement " + s + "\n");
            }
        }
        Random random = new Random(42);
        Set<Integer> seen = new HashSet<>();
        try (BufferedWriter w = Files.newBufferedWriter(export.resolve("votes.csv"), StandardCharsets.UTF_8)) {
            w.write("timestamp,datetime,comment-id,voter-id,vote\n");
            for (int p = 0; p < VOTERS; p++) {
                for (int s = 0; s < STATEMENTS; s++) {
                    if (random.nextBoolean()) {
                        int value = random.nextInt(3) - 1;
                        w.write((start + 1000L * votes) + ",," + s + "," + p + "," + value + "\n");
                        votes++;
                        seen.add(p);
                    }
                }
            }
        }
        voters = seen.size(); // the comments' author (participant 0) votes too
    }

    @Test
    @Order(1)
    void anImportKilledMidwayLeavesNothingAndARerunStoresItAll() throws Exception {
        try (RunningCharter importer = RunningCharter.start(database, Map.of(), "import", export.toString(),
                "--conversation", CONVERSATION)) {
            long session = awaitSession(importer, """
                    SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
                      AND xact_start IS NOT NULL AND query LIKE 'INSERT INTO vote %'""");
            assertTrue(importer.isAlive(), "the import was still running when it was killed");
            assertEquals(KILLED, importer.kill());
            awaitSessionGone(session);
        }
        assertEquals(0, count("SELECT count(*) FROM conversation WHERE slug = '" + CONVERSATION + "'"));
        for (String table : new String[]{"participant", "statement", "vote", "current_vote"}) {
            assertEquals(0, count("SELECT count(*) FROM " + table), () -> "rows left in " + table);
        }

        importCompletely();
        assertEquals(STATEMENTS, count("SELECT count(*) FROM statement"));
        assertEquals(voters, count("SELECT count(*) FROM participant"));
        assertEquals(votes, count("SELECT count(*) FROM vote"));
        assertEquals(votes, count("SELECT count(*) FROM current_vote"), "each participant voted once per statement");
    }

    @Test
    @Order(2)
    void anAnalysisKilledMidRunLeavesThePreviousSnapshotServedAndTheNextRunWorks() throws Exception {
        if (!imported) {
            importCompletely();
        }
        long conversation = count("SELECT id FROM conversation WHERE slug = '" + CONVERSATION + "'");
        String first;
        int port = RunningCharter.freePort();
        // The sweep finds the imported conversation unanalysed and runs the first analysis.
        try (RunningCharter server = RunningCharter.start(database, Map.of("CHARTER_ANALYSIS_SWEEP", "1s"),
                "serve", "--port", Integer.toString(port))) {
            await("the first snapshot", () -> count("SELECT count(*) FROM analysis_snapshot") == 1);
            first = text("SELECT result::text FROM analysis_snapshot WHERE version = 1");

            // New votes start a second run; kill the server while that run holds the conversation's analysis lock.
            voteOnce(port);
            long session = awaitSession(server, """
                    SELECT l.pid FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                    WHERE a.datname = current_database() AND l.locktype = 'advisory' AND l.granted
                      AND l.classid::bigint = %d AND l.objid::bigint = %d""".formatted(ANALYSIS_LOCK, conversation));
            assertTrue(server.isAlive());
            assertEquals(KILLED, server.kill());
            awaitSessionGone(session);
        }
        assertEquals(1, count("SELECT max(version) FROM analysis_snapshot"), "the killed run stored nothing");
        assertEquals(0, count("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid::bigint = " + ANALYSIS_LOCK),
                "the lock died with the killed session");

        // A fresh process serves the previous snapshot intact, and its next run succeeds.
        try (RunningCharter server = RunningCharter.start(database, Map.of("CHARTER_ANALYSIS_SWEEP", "1h"),
                "serve", "--port", Integer.toString(port));
             Participants http = new Participants(port)) {
            await("the server answers", () -> http.get("/health").status() == 200);
            JsonNode served = Participants.JSON.readTree(http.get("/api/conversations/" + CONVERSATION + "/analysis").body());
            assertEquals(1, served.path("version").asInt(), served::toString);
            assertEquals(Participants.JSON.readTree(first), served.path("result"));

            voteOnce(port);
            await("a new snapshot", () -> count("SELECT count(*) FROM analysis_snapshot WHERE version = 2") == 1);
            JsonNode next = Participants.JSON.readTree(http.get("/api/conversations/" + CONVERSATION + "/analysis").body());
            assertEquals(2, next.path("version").asInt(), next::toString);
            assertEquals(count("SELECT count(*) FROM current_vote"), next.path("voteCount").asLong());
        }
    }

    private void importCompletely() throws Exception {
        try (RunningCharter importer = RunningCharter.start(database, Map.of(), "import", export.toString(),
                "--conversation", CONVERSATION)) {
            assertEquals(0, importer.waitFor(), importer::stderr);
            JsonNode report = Participants.JSON.readTree(importer.stdout());
            assertEquals(votes, report.path("votesInExport").asInt());
        }
        imported = true;
    }

    /** One new participant votes on the first statement, which makes the server schedule an analysis run. */
    private void voteOnce(int port) throws Exception {
        try (Participants http = new Participants(port)) {
            Participants.Participant p = http.join(CONVERSATION);
            long statement = count("SELECT min(id) FROM statement");
            assertTrue(http.vote(CONVERSATION, p, statement, 1).acknowledged());
        }
    }

    /** Waits until the query finds a PostgreSQL session of the process; fails if the process ends first. */
    private long awaitSession(RunningCharter process, String query) throws Exception {
        while (true) {
            Optional<Long> pid = first(query);
            if (pid.isPresent()) {
                return pid.get();
            }
            if (!process.isAlive()) {
                throw new AssertionError("the process ended before the moment to kill it came: " + process.stderr());
            }
            Thread.sleep(10);
        }
    }

    /** PostgreSQL ends a killed client's session (rolling its transaction back) when it sees the connection closed. */
    private void awaitSessionGone(long pid) throws Exception {
        await("session " + pid + " ends", () -> count("SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid) == 0);
    }

    private long count(String sql) throws Exception {
        return first(sql).orElse(0L);
    }

    private Optional<Long> first(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
             PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
        }
    }

    private String text(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
             PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            assertTrue(rs.next());
            String value = rs.getString(1);
            assertFalse(rs.next());
            return value;
        }
    }
}
