package org.charter.cli;

import org.charter.conversation.PolisImporter;
import org.charter.polis.PolisExport;
import org.charter.polis.PolisExportReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** Stores a Polis export folder as a conversation. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import a Polis export folder (comments.csv, votes.csv or participants-votes.csv, summary.csv)"
                + " as a conversation, keeping Polis's ids. Importing the same folder again adds nothing.",
                "Works whether or not a Charter server runs on the same data."})
final class ImportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "the export folder")
    Path folder;

    @Option(names = "--conversation", required = true, paramLabel = "NAME",
            description = "the conversation's name (its link: /c/NAME); created if it does not exist")
    String conversation;

    @Override
    public Integer call() {
        PolisExport export = PolisExportReader.read(folder);
        Output.progress("import: read " + export.comments().size() + " comments and " + export.votes().size()
                + " votes from " + folder);
        try (ServiceContext services = ServiceContext.open(Map.of())) {
            PolisImporter.Report report = services.bean(PolisImporter.class).importExport(export, conversation, Output::progress);
            Output.progress("import: conversation '" + report.conversation() + "': added " + report.participantsAdded()
                    + " participants, " + report.statementsAdded() + " statements, " + report.votesAdded() + " of "
                    + report.votesInExport() + " votes (" + report.currentVotes() + " current votes)");
            Output.json(report, null);
        }
        return 0;
    }
}
