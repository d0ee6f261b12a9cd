package org.charter.cli;

import org.charter.analysis.AnalysisInput;
import org.charter.analysis.AnalysisParameters;
import org.charter.analysis.AnalysisResult;
import org.charter.analysis.OpinionAnalysis;
import org.charter.analysis.Votes;
import org.charter.polis.ParticipantGroupsCsv;
import org.charter.polis.PolisAnalysisInput;
import org.charter.polis.PolisExportReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The streamed JSON of {@code analyze} is exactly what the shared object mapper writes for the result. */
class AnalysisJsonTest {

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(AnalysisJsonTest.class.getResource("/" + name).toURI());
    }

    private static void assertSameJson(AnalysisResult result) throws IOException {
        StringWriter streamed = new StringWriter();
        AnalysisJson.write(result, streamed);
        assertEquals(Output.JSON.writeValueAsString(result) + "\n", streamed.toString());
    }

    @Test
    void aConversationWithGroups() throws Exception {
        assertSameJson(OpinionAnalysis.update(PolisAnalysisInput.of(PolisExportReader.read(
                resource("polis/brexit-consensus"))), null, AnalysisParameters.POLIS).result());
    }

    @Test
    void givenGroupsWithMetaAndModeratedStatements() throws Exception {
        Path folder = resource("polis-math/above-100-ptpts");
        assertSameJson(OpinionAnalysis.update(PolisAnalysisInput.of(PolisExportReader.read(folder))
                        .withGroups(ParticipantGroupsCsv.read(folder.resolve("polis-groups.csv"))), null,
                AnalysisParameters.POLIS).result());
    }

    @Test
    void noGroupsAndNoVotes() throws IOException {
        Votes votes = Votes.builder().add(1, 1, 1).add(2, 1, -1).add(2, 2, 0).build();
        List<AnalysisInput.Statement> statements = List.of(AnalysisInput.Statement.of(1),
                AnalysisInput.Statement.of(2), AnalysisInput.Statement.of(3));
        assertSameJson(OpinionAnalysis.update(AnalysisInput.of(statements, votes), null, AnalysisParameters.POLIS)
                .result());
        assertSameJson(OpinionAnalysis.update(AnalysisInput.of(statements, Votes.builder().build()), null,
                AnalysisParameters.POLIS).result());
    }
}
