package org.charter.conversation;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.charter.testing.DatabaseTest;
import org.charter.testing.SharedData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * The Collective Constitutional AI conversation has no votes.csv: its votes come from the participants-votes
 * matrix. Its data has no license, so it is read from ../shared/data and never copied into the repository.
 */
@Tag("real-data")
@MicronautTest(transactional = false)
class CcaiRoundTripTest extends DatabaseTest {

    @Inject
    PolisImporter importer;

    @Inject
    PolisExporter exporter;

    @TempDir
    Path tmp;

    @Test
    void importThenExportReproducesTheCcaiConversation() throws Exception {
        PolisRoundTripTest.roundTrip(importer, exporter, SharedData.path("polis/ccai.3akt5cdsfk.2023-07-18"), "ccai", tmp);
    }
}
