package org.charter.cli;

import org.charter.analysis.AnalysisInput;
import org.charter.analysis.AnalysisParameters;
import org.charter.analysis.AnalysisResult;
import org.charter.analysis.OpinionAnalysis;
import org.charter.analysis.Replay;
import org.charter.polis.ParticipantGroupsCsv;
import org.charter.polis.PolisAnalysisInput;
import org.charter.polis.PolisExport;
import org.charter.polis.PolisExportReader;
import org.charter.problem.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code analyze DIR}: the opinion analysis of a Polis export folder, as JSON. Runs without the service (no
 * database, no Micronaut) and without Jackson's object mapper (the result is streamed by {@link AnalysisJson}), so
 * that a fresh JVM analyses a conversation of 10,000 participants and 500,000 votes in about two seconds.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Analyse a Polis export folder: opinion groups, consensus, bridging. Prints JSON.",
                "Reads comments.csv and votes.csv, or participants-votes.csv; computes the opinion groups,",
                "representative and consensus statements and bridging scores."})
final class AnalyzeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "The Polis export folder.")
    Path folder;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the JSON here instead of standard output.")
    Path out;

    @Option(names = "--groups", paramLabel = "FILE",
            description = "CSV with header participant,group-id: use these groups instead of clustering.")
    Path groups;

    @Option(names = "--replay", description = {"Replay the votes in time order through the incremental update the "
            + "live service runs, one update per time window (needs votes.csv)."})
    boolean replay;

    @Option(names = "--window", paramLabel = "DURATION", defaultValue = "1s", converter = DurationMillis.class,
            description = "Replay window: 1s (default, Polis's poll interval), 500ms, 1m, ... or milliseconds.")
    long windowMillis;

    /** As {@link Output#progress}, to standard error, without loading {@link Output} (and its object mapper). */
    private static void progress(String message) {
        System.err.println(message);
    }

    /** An export without a single vote is refused, naming the file the votes were to come from. */
    private void requireVotes(boolean empty) {
        if (empty) {
            String file = Files.isRegularFile(folder.resolve(PolisExportReader.VOTES)) ? PolisExportReader.VOTES
                    : PolisExportReader.PARTICIPANTS_VOTES;
            throw Problem.invalid(file, "no votes: the conversation is empty, there is nothing to analyse");
        }
    }

    @Override
    public Integer call() {
        long start = System.nanoTime();
        progress("analyze: reading " + folder);
        Map<Long, Integer> given = groups == null ? Map.of() : ParticipantGroupsCsv.read(groups);
        AnalysisResult result;
        if (replay) {
            PolisExport export = PolisExportReader.read(folder);
            requireVotes(export.votes().isEmpty());
            if (!export.hasVoteTimes()) {
                throw Problem.invalid(PolisExportReader.PARTICIPANTS_VOTES, "--replay needs the vote times of "
                        + PolisExportReader.VOTES + ", and this export has only the vote matrix");
            }
            progress(String.format("analyze: read %d comments and %d votes (%.2f s)", export.comments().size(),
                    export.votes().size(), (System.nanoTime() - start) / 1e9));
            result = Replay.run(PolisAnalysisInput.statements(export), PolisAnalysisInput.timedVotes(export), given,
                    windowMillis, AnalysisParameters.POLIS, AnalyzeCommand::progress).result();
        } else {
            AnalysisInput input = PolisAnalysisInput.read(folder).withGroups(given);
            requireVotes(input.votes().size() == 0);
            progress(String.format("analyze: read %d statements and %d votes (%.2f s)", input.statements().size(),
                    input.votes().size(), (System.nanoTime() - start) / 1e9));
            result = OpinionAnalysis.update(input, null, AnalysisParameters.POLIS).result();
        }
        progress(String.format("analyze: %d participants, %d statements, %d votes, %d groups%s (%.2f s)",
                result.participants(), result.statements(), result.votes(), result.groups().size(),
                result.note() == null ? "" : " (" + result.note() + ")", (System.nanoTime() - start) / 1e9));
        AnalysisResult written = result;
        ResultFile.write(out, writer -> AnalysisJson.write(written, writer));
        progress(String.format("analyze: done (%.2f s)", (System.nanoTime() - start) / 1e9));
        return 0;
    }
}
