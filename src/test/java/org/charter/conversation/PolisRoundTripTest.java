package org.charter.conversation;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.charter.polis.PolisComment;
import org.charter.polis.PolisExport;
import org.charter.polis.PolisExportReader;
import org.charter.polis.PolisVote;
import org.charter.testing.DatabaseTest;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Polis import → export on real open-data conversations: statements and latest votes come back exactly, a second
 * import adds nothing, and export → import → export gives the same votes.csv and comments.csv bytes.
 */
@MicronautTest(transactional = false)
class PolisRoundTripTest extends DatabaseTest {

    @Inject
    PolisImporter importer;

    @Inject
    PolisExporter exporter;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"15-per-hour-seattle", "brexit-consensus", "london.youth.policing",
            "scoop-hivemind.biodiversity", "scoop-hivemind.ubi"})
    void importThenExportReproducesStatementsAndLatestVotes(String name) throws Exception {
        Path folder = Path.of(getClass().getResource("/polis/" + name).toURI());
        roundTrip(importer, exporter, folder, name, tmp);
    }

    static void roundTrip(PolisImporter importer, PolisExporter exporter, Path folder, String name, Path tmp) throws Exception {
        PolisExport original = PolisExportReader.read(folder);
        String slug = "rt-" + name.replaceAll("[^a-z0-9]", "-");
        PolisImporter.Report first = importer.importExport(original, slug, m -> { });
        assertEquals(original.comments().size(), first.statementsAdded());
        assertEquals(original.votes().size(), first.votesAdded(), "every vote row is kept, history included");

        PolisImporter.Report again = importer.importExport(original, slug, m -> { });
        assertEquals(0, again.participantsAdded() + again.statementsAdded() + again.votesAdded(), "a re-import adds nothing");
        assertEquals(first.currentVotes(), again.currentVotes());

        Path exported = tmp.resolve(name + "-1");
        write(exporter.files(slug), exported);
        PolisExport back = PolisExportReader.read(exported);
        assertSame("statements", statements(original), statements(back));
        assertSame("latest votes", latestVotes(original), latestVotes(back));
        assertEquals(first.currentVotes(), latestVotes(back).size());

        importer.importExport(back, slug + "-copy", m -> { });
        Path again2 = tmp.resolve(name + "-2");
        write(exporter.files(slug + "-copy"), again2);
        for (String file : new String[]{"votes.csv", "comments.csv"}) {
            assertArrayEquals(Files.readAllBytes(exported.resolve(file)), Files.readAllBytes(again2.resolve(file)),
                    file + " is byte-for-byte stable across export → import → export");
        }
    }

    /** Equal maps, or a failure that lists only the entries that differ. */
    private static <K, V> void assertSame(String what, Map<K, V> expected, Map<K, V> actual) {
        java.util.List<String> differences = new java.util.ArrayList<>();
        java.util.Set<K> keys = new java.util.TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        for (K k : keys) {
            if (!java.util.Objects.equals(expected.get(k), actual.get(k))) {
                differences.add(k + ": " + expected.get(k) + " → " + actual.get(k));
            }
        }
        assertEquals(java.util.List.of(), differences.subList(0, Math.min(10, differences.size())),
                what + " differ in " + differences.size() + " places");
    }

    private static void write(Map<String, byte[]> files, Path dir) throws Exception {
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Files.write(dir.resolve(f.getKey()), f.getValue());
        }
    }

    /** id → text (as the reader gives it: without the apostrophe that defuses formulas), moderation and meta flag. */
    private static Map<Long, String> statements(PolisExport export) {
        Map<Long, String> map = new HashMap<>();
        for (PolisComment c : export.comments()) {
            map.put(c.commentId(), c.body() + " | " + c.moderation() + " | meta=" + c.isMeta());
        }
        return map;
    }

    /** (participant, statement) → the latest vote, by time (votes.csv) or as the matrix holds it. */
    private static Map<String, Integer> latestVotes(PolisExport export) {
        Map<String, Integer> latest = new HashMap<>();
        Map<String, Long> when = new HashMap<>();
        for (PolisVote v : export.votes()) {
            String key = v.voterId() + "/" + v.commentId();
            long t = v.timestampMillis() == null ? 0 : v.timestampMillis();
            if (!when.containsKey(key) || t >= when.get(key)) {
                when.put(key, t);
                latest.put(key, v.vote());
            }
        }
        return latest;
    }
}
