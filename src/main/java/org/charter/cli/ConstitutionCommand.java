package org.charter.cli;

import org.charter.analysis.AnalysisInput;
import org.charter.analysis.AnalysisParameters;
import org.charter.analysis.AnalysisResult;
import org.charter.analysis.OpinionAnalysis;
import org.charter.constitution.CaiList;
import org.charter.constitution.Constitution;
import org.charter.constitution.ConstitutionBuilder;
import org.charter.constitution.ConstitutionComparison;
import org.charter.constitution.ConstitutionCsv;
import org.charter.constitution.ConstitutionJson;
import org.charter.constitution.ConstitutionMarkdown;
import org.charter.constitution.SelectionParameters;
import org.charter.polis.ParticipantGroupsCsv;
import org.charter.polis.PolisAnalysisInput;
import org.charter.polis.PolisComment;
import org.charter.polis.PolisExport;
import org.charter.polis.PolisExportReader;
import org.charter.polis.PolisVote;
import org.charter.problem.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code constitution DIR}: a collective constitution straight from a Polis export folder — the opinion analysis,
 * then the selection of principles agreed across groups, near-duplicate merging and the export. No database, no
 * service. {@code constitution compare A B} compares two constitution files.
 */
@Command(name = "constitution", mixinStandardHelpOptions = true,
        description = {"Build a constitution from a Polis export folder.",
                "Keeps the statements a majority of every opinion group agreed with, merges near-duplicates and",
                "lists the evidence; prints Markdown, JSON, CSV or a Constitutional-AI principle list.",
                "'constitution compare A B' compares two constitutions."},
        subcommands = ConstitutionCommand.Compare.class)
final class ConstitutionCommand implements Callable<Integer> {

    /** Option names of the selection parameters, to name the option in error messages. */
    private static final Map<String, String> OPTION_OF = Map.of("minGroupAgreement", "--min-agreement",
            "minGroupVotes", "--min-votes", "minBridging", "--min-bridging", "mergeThreshold", "--merge-threshold",
            "rankBy", "--rank-by");

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "The Polis export folder.")
    Path folder;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "md",
            description = "md (default), json, csv or cai (one \"Choose the response that …\" line per principle).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of standard output.")
    Path out;

    @Option(names = "--groups", paramLabel = "FILE",
            description = "CSV with header participant,group-id: use these opinion groups instead of clustering.")
    Path groups;

    @Option(names = "--min-agreement", paramLabel = "SHARE",
            description = "Agree share each group must exceed, in [0.5, 1). Default 0.6.")
    Double minAgreement;

    @Option(names = "--min-votes", paramLabel = "N", description = "Votes each group must cast on a statement. Default 5.")
    Integer minVotes;

    @Option(names = "--min-bridging", paramLabel = "SCORE",
            description = "Also require a bridging score of at least this, in [-1, 1]. Default: not required.")
    Double minBridging;

    @Option(names = "--rank-by", paramLabel = "KEY", description = "consensus (default) or bridging.")
    String rankBy;

    @Option(names = "--merge-threshold", paramLabel = "SIMILARITY",
            description = "Merge statements at least this similar, in (0, 1]; 1 merges only identical texts. Default 0.8.")
    Double mergeThreshold;

    @Option(names = "--title", paramLabel = "TEXT", description = "Document title.")
    String title;

    @Override
    public Integer call() {
        if (folder == null) {
            throw Problem.invalid("DIR", "give a Polis export folder (or use 'constitution compare A B')");
        }
        String fmt = format(format, List.of("md", "json", "csv", "cai"));
        SelectionParameters parameters = parameters();
        long start = System.nanoTime();
        Output.progress("constitution: reading " + folder);
        PolisExport export = PolisExportReader.read(folder);
        if (export.votes().isEmpty()) {
            throw Problem.invalid(export.hasVoteTimes() ? PolisExportReader.VOTES : PolisExportReader.PARTICIPANTS_VOTES,
                    "no votes: the conversation is empty, there is nothing to select from");
        }
        Map<Long, Integer> given = groups == null ? Map.of() : ParticipantGroupsCsv.read(groups);
        AnalysisInput input = PolisAnalysisInput.of(export).withGroups(given);
        AnalysisResult result = OpinionAnalysis.update(input, null, AnalysisParameters.POLIS).result();
        Output.progress(String.format(Locale.ROOT, "constitution: %d participants, %d votes, %d groups (%.2f s)",
                result.participants(), result.votes(), result.groups().size(), (System.nanoTime() - start) / 1e9));
        Map<Long, String> texts = new HashMap<>();
        for (PolisComment c : export.comments()) {
            texts.put(c.commentId(), c.body());
        }
        String topic = blankToNull(export.summary().get("topic"));
        String name = folder.toAbsolutePath().normalize().getFileName() == null ? folder.toString()
                : folder.toAbsolutePath().normalize().getFileName().toString();
        Instant[] span = activity(export);
        String analysis = given.isEmpty()
                ? "groups found by Charter's opinion analysis (Polis's method) from the votes"
                : "groups given in " + groups.getFileName();
        Constitution.Source source = ConstitutionBuilder.source(result, name, topic, span[0], span[1],
                export.comments().size(), analysis);
        Constitution constitution = ConstitutionBuilder.build(result, texts, parameters, source,
                title != null ? title : "Constitution from " + (topic != null ? topic : name));
        Output.progress(String.format(Locale.ROOT, "constitution: %d principles from %d statements, %d minority views (%.2f s)",
                constitution.principles().size(),
                constitution.principles().stream().mapToInt(p -> p.statementIds().size()).sum(),
                constitution.minorityViews().size(), (System.nanoTime() - start) / 1e9));
        Output.text(render(constitution, fmt), out);
        return 0;
    }

    static String render(Constitution c, String format) {
        return switch (format) {
            case "json" -> ConstitutionJson.write(c);
            case "csv" -> ConstitutionCsv.write(c);
            case "cai" -> CaiList.write(c);
            default -> ConstitutionMarkdown.write(c);
        };
    }

    private SelectionParameters parameters() {
        try {
            return SelectionParameters.of(minAgreement, minVotes, minBridging,
                    rankBy == null ? null : SelectionParameters.RankBy.parse(rankBy, "rankBy"), mergeThreshold);
        } catch (Problem p) {
            throw Problem.invalid(OPTION_OF.getOrDefault(p.where(), p.where()), p.getMessage());
        }
    }

    static String format(String value, List<String> allowed) {
        String f = value.strip().toLowerCase(Locale.ROOT);
        if (f.equals("markdown")) {
            f = "md";
        }
        if (!allowed.contains(f)) {
            throw Problem.invalid("--format", "must be one of " + String.join(", ", allowed) + ", found '" + value + "'");
        }
        return f;
    }

    /** First and last statement or vote time; nulls when the export has no times. */
    private static Instant[] activity(PolisExport export) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (PolisComment c : export.comments()) {
            if (c.timestampMillis() > 0) {
                min = Math.min(min, c.timestampMillis());
                max = Math.max(max, c.timestampMillis());
            }
        }
        if (export.hasVoteTimes()) {
            for (PolisVote v : export.votes()) {
                min = Math.min(min, v.timestampMillis());
                max = Math.max(max, v.timestampMillis());
            }
        }
        return min == Long.MAX_VALUE ? new Instant[2]
                : new Instant[]{Instant.ofEpochMilli(min), Instant.ofEpochMilli(max)};
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** {@code constitution compare A B}. */
    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = {"Compare two constitutions, principle by principle.",
                    "For each principle of A: the closest principle of B and their text similarity; then the overlap.",
                    "Each file is a Charter constitution JSON export or plain text with one principle per line",
                    "(Markdown list markers and '#' lines are ignored)."})
    static final class Compare implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "A", description = "The first constitution.")
        Path a;

        @Parameters(index = "1", paramLabel = "B", description = "The second constitution.")
        Path b;

        @Option(names = "--threshold", paramLabel = "SIMILARITY", defaultValue = "0.5",
                description = "Similarity that counts as overlap, in (0, 1]. Default 0.5.")
        double threshold;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json", description = "json (default) or md.")
        String format;

        @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of standard output.")
        Path out;

        @Override
        public Integer call() {
            String fmt = format(format, List.of("json", "md"));
            if (!(threshold > 0 && threshold <= 1)) {
                throw Problem.invalid("--threshold", "must be above 0 and at most 1, found " + threshold);
            }
            List<String> pa = ConstitutionComparison.principlesOf(read(a), a.toString());
            List<String> pb = ConstitutionComparison.principlesOf(read(b), b.toString());
            ConstitutionComparison.Comparison c = ConstitutionComparison.compare(a.getFileName().toString(), pa,
                    b.getFileName().toString(), pb, threshold);
            if (fmt.equals("md")) {
                Output.text(ConstitutionComparison.markdown(c), out);
            } else {
                Output.json(c, out);
            }
            return 0;
        }

        private static String read(Path file) {
            if (!Files.isRegularFile(file)) {
                throw Problem.invalid(file.toString(), "no such file");
            }
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw Problem.invalid(file.toString(), "cannot read: " + e.getMessage(), e);
            }
        }
    }
}
