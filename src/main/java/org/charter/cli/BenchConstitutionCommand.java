package org.charter.cli;

import org.charter.analysis.AnalysisInput;
import org.charter.analysis.AnalysisParameters;
import org.charter.analysis.AnalysisResult;
import org.charter.analysis.OpinionAnalysis;
import org.charter.constitution.CaiList;
import org.charter.constitution.Constitution;
import org.charter.constitution.ConstitutionBuilder;
import org.charter.constitution.ConstitutionCsv;
import org.charter.constitution.ConstitutionJson;
import org.charter.constitution.ConstitutionMarkdown;
import org.charter.constitution.NearDuplicates;
import org.charter.constitution.SelectionParameters;
import org.charter.constitution.TextVectors;
import org.charter.problem.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

/**
 * {@code charter bench constitution}: building a constitution from an analysed conversation — selection,
 * near-duplicate merging (the quadratic step) and the four exports — on synthetic conversations whose statement
 * texts are generated with planted near-duplicates. The analysis itself is measured by {@code bench analysis}.
 */
@Command(name = "constitution", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Constitution building (selection, near-duplicate merging, exports) on synthetic conversations.",
                "Analyses synthetic conversations of the given statement counts and prints the timings."})
final class BenchConstitutionCommand implements Callable<Integer> {

    @Option(names = "--statements", split = ",", defaultValue = "300,1000,3000",
            description = "Statement counts (default 300,1000,3000); 2,000 participants each.")
    List<Integer> sizes;

    @Option(names = "--merge", split = ",", defaultValue = "1000,3000,5000",
            description = "Text counts for near-duplicate merging alone (default 1000,3000,5000).")
    List<Integer> mergeSizes;

    @Option(names = "--repeat", defaultValue = "3", description = "Timed runs per size after a warm-up (default 3).")
    int repeat;

    private static final String[] VERBS = {"respect", "protect", "explain", "support", "avoid", "encourage", "share",
            "question", "defend", "promote", "describe", "limit", "reduce", "fund", "improve", "teach", "publish"};
    private static final String[] ADJECTIVES = {"public", "local", "fair", "open", "free", "safe", "honest", "small",
            "green", "private", "digital", "young", "older", "rural", "urban", "national", "shared", "clean"};
    private static final String[] NOUNS = {"transport", "schools", "housing", "privacy", "parks", "libraries",
            "energy", "data", "water", "health care", "elections", "taxes", "farms", "rivers", "jobs", "science",
            "museums", "roads", "courts", "news"};

    @Override
    public Integer call() {
        if (sizes.isEmpty() || sizes.stream().anyMatch(s -> s < 10 || s > 20_000) || repeat < 1) {
            throw Problem.invalid("--statements", "give statement counts between 10 and 20000 and --repeat >= 1");
        }
        System.out.println("| statements | candidates | principles (merged) | build: select + merge (s, median) | exports (s) |");
        System.out.println("|---:|---:|---:|---:|---:|");
        for (int size : sizes) {
            SyntheticConversation s = SyntheticConversation.generate(2000, size, Math.min(1, 60.0 / size), 3, 20240601L);
            AnalysisInput input = s.input();
            AnalysisResult result = OpinionAnalysis.update(input, null, AnalysisParameters.POLIS).result();
            Map<Long, String> texts = texts(size, new SplittableRandom(7));
            Constitution.Source source = ConstitutionBuilder.source(result, "synthetic", null, null, null, size, "bench");
            Constitution c = ConstitutionBuilder.build(result, texts, SelectionParameters.DEFAULTS, source, "bench");
            List<Double> times = new ArrayList<>();
            for (int r = 0; r < repeat; r++) {
                long t0 = System.nanoTime();
                c = ConstitutionBuilder.build(result, texts, SelectionParameters.DEFAULTS, source, "bench");
                times.add((System.nanoTime() - t0) / 1e9);
            }
            times.sort(Double::compare);
            long t1 = System.nanoTime();
            int chars = ConstitutionMarkdown.write(c).length() + ConstitutionJson.write(c).length()
                    + ConstitutionCsv.write(c).length() + CaiList.write(c).length();
            double exports = (System.nanoTime() - t1) / 1e9;
            long candidates = c.principles().stream().mapToLong(p -> p.statementIds().size()).sum();
            long merged = c.principles().stream().filter(p -> p.statementIds().size() > 1).count();
            System.out.printf(Locale.ROOT, "| %,d | %,d | %,d (%,d) | %.3f | %.3f |%n", size, candidates,
                    c.principles().size(), merged, times.get(times.size() / 2), exports);
            Output.progress("bench constitution: " + size + " statements done (" + chars + " characters exported)");
        }
        System.out.println();
        System.out.println("| texts merged | groups | near-duplicate merging (s, median) |");
        System.out.println("|---:|---:|---:|");
        for (int n : mergeSizes) {
            if (n < 2 || n > 20_000) {
                throw Problem.invalid("--merge", "give text counts between 2 and 20000");
            }
            List<String> texts = new ArrayList<>(texts(n, new SplittableRandom(11)).values());
            TextVectors vectors = TextVectors.fit(texts);
            int groups = NearDuplicates.groups(texts, vectors, SelectionParameters.DEFAULT_MERGE_THRESHOLD).size();
            List<Double> times = new ArrayList<>();
            for (int r = 0; r < repeat; r++) {
                long t0 = System.nanoTime();
                NearDuplicates.groups(texts, vectors, SelectionParameters.DEFAULT_MERGE_THRESHOLD);
                times.add((System.nanoTime() - t0) / 1e9);
            }
            times.sort(Double::compare);
            System.out.printf(Locale.ROOT, "| %,d | %,d | %.3f |%n", n, groups, times.get(times.size() / 2));
        }
        return 0;
    }

    /** Statement texts from templates; one in eight repeats an earlier statement with small changes. */
    static Map<Long, String> texts(int n, SplittableRandom random) {
        Map<Long, String> texts = new HashMap<>();
        for (long id = 0; id < n; id++) {
            if (id > 8 && random.nextInt(8) == 0) {
                String earlier = texts.get((long) random.nextInt((int) id));
                texts.put(id, random.nextBoolean() ? earlier.replace("should", "should always") : earlier + "!");
                continue;
            }
            texts.put(id, "We should " + pick(VERBS, random) + " " + pick(ADJECTIVES, random) + " "
                    + pick(NOUNS, random) + " and " + pick(ADJECTIVES, random) + " " + pick(NOUNS, random) + ".");
        }
        return texts;
    }

    private static String pick(String[] words, SplittableRandom random) {
        return words[random.nextInt(words.length)];
    }
}
