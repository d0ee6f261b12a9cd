package org.charter.cli;

import org.charter.analysis.AnalysisInput;
import org.charter.analysis.AnalysisParameters;
import org.charter.analysis.AnalysisUpdate;
import org.charter.analysis.OpinionAnalysis;
import org.charter.analysis.Votes;
import org.charter.problem.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import smile.validation.metric.AdjustedRandIndex;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code bench analysis}: wall time and peak heap of the opinion analysis on synthetic conversations with planted
 * groups ({@link SyntheticConversation}), and the end-to-end time of {@code analyze} (a fresh JVM reading an export
 * folder) on the 10k size. Prints a Markdown report for BENCHMARKS.md; progress goes to stderr.
 */
@Command(name = "analysis", mixinStandardHelpOptions = true,
        description = {"Benchmark the opinion analysis on synthetic conversations (planted groups, fixed seed).",
                "Run with a 4 GB heap for the 100k size: java -Xmx4g -jar charter.jar bench analysis"})
final class BenchAnalysisCommand implements Callable<Integer> {

    @Option(names = "--sizes", split = ",", defaultValue = "1k,10k,100k",
            description = "Sizes: 1k (1,000 × 500), 10k (10,000 × 1,000), 100k (100,000 × 5,000), or PxS "
                    + "(participants x statements). Default: ${DEFAULT-VALUE}.")
    List<String> sizes;

    @Option(names = "--density", defaultValue = "0.05", description = "Share of statements each participant votes on.")
    double density;

    @Option(names = "--seed", defaultValue = "20240601", description = "Generator seed.")
    long seed;

    @Option(names = "--repeat", defaultValue = "3", description = "Timed full recomputes per size (after one warm-up).")
    int repeat;

    @Option(names = "--end-to-end", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Also time `analyze` end to end (fresh JVM, CSV parsing) on the 10k size.")
    boolean endToEnd;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report here instead of standard output.")
    Path out;

    private record Size(String name, int participants, int statements) {
    }

    @Override
    public Integer call() throws Exception {
        StringBuilder report = new StringBuilder();
        Runtime rt = Runtime.getRuntime();
        report.append(String.format(Locale.ROOT, "Machine: %d cores, max heap %d MB, %s %s, Java %s; date %s.%n%n",
                rt.availableProcessors(), rt.maxMemory() >> 20, System.getProperty("os.name"),
                System.getProperty("os.arch"), System.getProperty("java.version"), LocalDate.now()));
        report.append("| participants × statements | votes | first run (s) | full recompute (s, median) | "
                + "update after +1% votes (s) | peak heap (MB) | groups found | ARI vs planted |\n");
        report.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        SyntheticConversation tenK = null;
        for (String spec : sizes) {
            Size size = parse(spec);
            Output.progress("bench analysis: generating " + size.name());
            SyntheticConversation conversation = SyntheticConversation.generate(size.participants(), size.statements(),
                    density, 3, seed);
            if (size.participants() == 10_000 && size.statements() == 1_000) {
                tenK = conversation;
            }
            AnalysisInput input = conversation.input();
            resetPeaks();
            long t0 = System.nanoTime();
            AnalysisUpdate first = OpinionAnalysis.update(input, null, AnalysisParameters.POLIS);
            double firstSeconds = (System.nanoTime() - t0) / 1e9;
            double[] times = new double[Math.max(1, repeat)];
            AnalysisUpdate last = first;
            for (int i = 0; i < times.length; i++) {
                Output.progress("bench analysis: " + size.name() + " run " + (i + 1));
                long s = System.nanoTime();
                last = OpinionAnalysis.update(input, null, AnalysisParameters.POLIS);
                times[i] = (System.nanoTime() - s) / 1e9;
            }
            Arrays.sort(times);
            // The live service's case: the previous state and 1% more votes (new participants' votes).
            AnalysisInput more = withMoreVotes(conversation, 0.01);
            long u0 = System.nanoTime();
            OpinionAnalysis.update(more, last.state(), AnalysisParameters.POLIS);
            double updateSeconds = (System.nanoTime() - u0) / 1e9;
            long peak = peakHeap();
            double ari = plantedAri(conversation, last.result().participantGroups());
            String row = String.format(Locale.ROOT, "| %,d × %,d | %,d | %.3f | %.3f | %.3f | %,d | %d | %.3f |%n",
                    size.participants(), size.statements(), conversation.voteCount(), firstSeconds,
                    times[times.length / 2], updateSeconds, peak >> 20, last.result().groups().size(), ari);
            report.append(row);
            Output.progress(row.strip());
        }
        if (endToEnd) {
            if (tenK == null) {
                tenK = SyntheticConversation.generate(10_000, 1_000, density, 3, seed);
            }
            report.append('\n').append(endToEnd(tenK));
        }
        Output.text(report.toString(), out);
        return 0;
    }

    private static Size parse(String spec) {
        return switch (spec.strip().toLowerCase(Locale.ROOT)) {
            case "1k" -> new Size("1k", 1_000, 500);
            case "10k" -> new Size("10k", 10_000, 1_000);
            case "100k" -> new Size("100k", 100_000, 5_000);
            default -> {
                String[] parts = spec.toLowerCase(Locale.ROOT).split("x");
                try {
                    yield new Size(spec, Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
                } catch (RuntimeException e) {
                    throw Problem.invalid("--sizes", "'" + spec + "' is not 1k, 10k, 100k or PxS (e.g. 2000x300)");
                }
            }
        };
    }

    /** The conversation plus new participants casting about 1% more votes, drawn like the others. */
    private static AnalysisInput withMoreVotes(SyntheticConversation c, double share) {
        int extra = Math.max(1, (int) Math.round(c.participants() * share));
        SyntheticConversation more = SyntheticConversation.generate(extra, c.statements(),
                (double) c.voteCount() / ((double) c.participants() * c.statements()), 3, c.seed() + 1);
        Votes.Builder builder = Votes.builder(c.voteCount() + more.voteCount());
        for (int k = 0; k < c.voteCount(); k++) {
            builder.add(c.voteVoter()[k], c.voteStatement()[k], c.voteValue()[k]);
        }
        for (int k = 0; k < more.voteCount(); k++) {
            builder.add((long) c.participants() + more.voteVoter()[k], more.voteStatement()[k], more.voteValue()[k]);
        }
        return AnalysisInput.of(c.statementList(), builder.build());
    }

    private static double plantedAri(SyntheticConversation c, Map<Long, Integer> groups) {
        if (groups.isEmpty()) {
            return 0;
        }
        int[] planted = new int[groups.size()];
        int[] found = new int[groups.size()];
        int i = 0;
        for (Map.Entry<Long, Integer> e : groups.entrySet()) {
            planted[i] = c.plantedGroup()[(int) (long) e.getKey()];
            found[i] = e.getValue();
            i++;
        }
        return AdjustedRandIndex.of(planted, found);
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peaks since the last reset (an upper bound of the peak heap in use). */
    private static long peakHeap() {
        long total = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                total += pool.getPeakUsage().getUsed();
            }
        }
        return total;
    }

    /** Times {@code analyze} on the conversation as an export folder, in fresh JVMs (3 runs). */
    private static String endToEnd(SyntheticConversation c) throws IOException, InterruptedException {
        Path folder = Files.createTempDirectory("charter-bench-");
        try {
            Output.progress("bench analysis: writing the 10k export to " + folder);
            c.writeExport(folder);
            List<String> command = new ArrayList<>(javaCommand());
            command.addAll(List.of("analyze", folder.toString(), "--out", folder.resolve("result.json").toString()));
            double[] times = new double[3];
            for (int i = 0; i < times.length; i++) {
                Output.progress("bench analysis: analyze end to end, run " + (i + 1));
                long t0 = System.nanoTime();
                Process process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                    throw new IllegalStateException("analyze failed: " + String.join(" ", command));
                }
                times[i] = (System.nanoTime() - t0) / 1e9;
            }
            Arrays.sort(times);
            return String.format(Locale.ROOT, "`analyze` end to end (new JVM, CSV parsing, JSON output) on %,d × %,d "
                            + "with %,d votes: %.2f s median (runs: %.2f, %.2f, %.2f s).%n",
                    c.participants(), c.statements(), c.voteCount(), times[1], times[0], times[1], times[2]);
        } finally {
            try (var files = Files.list(folder)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(folder);
        }
    }

    /** The command that starts this program again: {@code java -jar charter.jar} or the class path equivalent. */
    private static List<String> javaCommand() {
        String java = ProcessHandle.current().info().command().orElse("java");
        try {
            Path location = Path.of(BenchAnalysisCommand.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI());
            if (location.toString().endsWith(".jar")) {
                return List.of(java, "-jar", location.toString());
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall back to the class path
        }
        return List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "org.charter.Charter");
    }
}
