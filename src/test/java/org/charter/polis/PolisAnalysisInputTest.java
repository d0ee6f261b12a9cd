package org.charter.polis;

import org.charter.analysis.AnalysisInput;
import org.charter.analysis.AnalysisParameters;
import org.charter.analysis.OpinionAnalysis;
import org.charter.cli.Output;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reading a folder straight into analysis input gives the same analysis as going through the export records. */
class PolisAnalysisInputTest {

    @ParameterizedTest
    @ValueSource(strings = {"polis/scoop-hivemind.biodiversity", "polis/london.youth.policing",
            "polis-math/above-100-ptpts"})
    void theDirectPathEqualsTheRecordPath(String name) throws Exception {
        Path folder = PolisExportReaderTest.resource(name);
        AnalysisInput direct = PolisAnalysisInput.read(folder);
        AnalysisInput viaRecords = PolisAnalysisInput.of(PolisExportReader.read(folder));
        assertEquals(viaRecords.statements(), direct.statements());
        assertEquals(viaRecords.votes().size(), direct.votes().size());
        assertEquals(Output.JSON.writeValueAsString(OpinionAnalysis.update(viaRecords, null, AnalysisParameters.POLIS)
                        .result()),
                Output.JSON.writeValueAsString(OpinionAnalysis.update(direct, null, AnalysisParameters.POLIS)
                        .result()));
    }
}
