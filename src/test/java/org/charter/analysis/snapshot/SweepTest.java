package org.charter.analysis.snapshot;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.charter.conversation.PolisImporter;
import org.charter.polis.PolisExportReader;
import org.charter.testing.Api;
import org.charter.testing.DatabaseTest;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Votes stored without the running service hearing of them — a command-line import, another instance — are
 * analysed all the same: the periodic sweep finds conversations whose latest snapshot is older than their votes.
 */
@MicronautTest(transactional = false)
class SweepTest extends DatabaseTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    PolisImporter importer;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("charter.analysis.sweep", "300ms");
    }

    @Test
    void anImportedConversationIsAnalysedByTheSweep() throws Exception {
        // The importer stores rows in one transaction and announces nothing, as when the CLI runs it in another process.
        PolisImporter.Report report = importer.importExport(PolisExportReader.read(resource("polis/brexit-consensus")),
                "imported", line -> { });
        Api api = new Api(client);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Map<?, ?> snapshot = api.get("/api/conversations/imported/analysis", null);
        while (snapshot.get("result") == null && System.nanoTime() < deadline) {
            Thread.sleep(100);
            snapshot = api.get("/api/conversations/imported/analysis", null);
        }
        assertEquals(1, ((Number) snapshot.get("version")).intValue(), "analysed once, by the sweep");
        assertEquals(report.currentVotes(), ((Number) snapshot.get("voteCount")).longValue());
    }

    /**
     * Snapshots skip the write-ahead log (migration V7), so a crash of PostgreSQL empties their table: the sweep then
     * sees every conversation with votes as unanalysed, as it saw the import above.
     */
    @Test
    void snapshotsAreUnloggedSoACrashLeavesThemToTheSweep() throws Exception {
        try (var c = jdbc(); var s = c.createStatement(); var rs = s.executeQuery("""
                SELECT t.relpersistence, toast.relpersistence FROM pg_class t JOIN pg_class toast ON toast.oid = t.reltoastrelid
                WHERE t.relname = 'analysis_snapshot'""")) {
            rs.next();
            assertEquals("u", rs.getString(1), "analysis_snapshot is unlogged");
            assertEquals("u", rs.getString(2), "and so is the storage of its large JSON documents");
        }
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(SweepTest.class.getResource("/" + name).toURI());
    }
}
