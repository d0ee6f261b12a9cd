package org.charter.cli;

import org.charter.opinions.AnswerFormat;
import org.charter.opinions.AnswerSet;
import org.charter.opinions.AnswerSetReader;
import org.charter.opinions.Metric;
import org.charter.opinions.LogBase;
import org.charter.opinions.Similarity;
import org.charter.opinions.SimilarityOptions;
import org.charter.opinions.SimilarityReport;
import org.charter.opinions.SurveyCsvReader;
import org.charter.opinions.SurveyCsvWriter;
import org.charter.opinions.SurveyDataset;
import org.charter.opinions.SyntheticSurvey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code charter bench similarity}: the opinion-similarity target — full GlobalOpinionQA size (~2,500 questions ×
 * ~100 countries) against one answer set, with 1,000 bootstrap resamples, in under 2 s.
 */
@Command(name = "similarity", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Opinion similarity at full GlobalOpinionQA size (synthetic but realistic data).",
                "Parses the survey CSV and the answer set, ranks countries with 1,000 bootstrap resamples. Target: < 2 s."})
final class BenchSimilarityCommand implements Callable<Integer> {

    static final double TARGET_SECONDS = 2.0;

    @Option(names = "--questions", defaultValue = "2556", description = "Questions (default 2556, as GlobalOpinionQA).")
    int questions;

    @Option(names = "--countries", defaultValue = "100", description = "Countries (default 100).")
    int countries;

    @Option(names = "--min-countries", defaultValue = "5", description = "Fewest countries asked one question (default 5).")
    int minCountries;

    @Option(names = "--max-countries", defaultValue = "60", description = "Most countries asked one question (default 60).")
    int maxCountries;

    @Option(names = "--resamples", defaultValue = "1000", description = "Bootstrap resamples (default 1000).")
    int resamples;

    @Option(names = "--runs", defaultValue = "5", description = "Timed runs after the first (default 5).")
    int runs;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the result here instead of standard output.")
    Path out;

    @Option(names = "--save", paramLabel = "DIR",
            description = "Also save the realistic survey and answer set (synthetic.csv, synthetic.jsonl) here, e.g. to time 'charter similarity' end to end.")
    Path save;

    @Override
    public Integer call() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("benchmark", "similarity");
        result.put("machine", machine());
        Output.progress("bench similarity: realistic coverage (" + minCountries + "-" + maxCountries + " countries per question)");
        result.put("realistic", run(minCountries, Math.min(maxCountries, countries), save));
        Output.progress("bench similarity: worst case (every country answers every question)");
        result.put("worstCase", run(countries, countries, null));
        Output.json(result, out);
        return 0;
    }

    private Map<String, Object> run(int min, int max, Path saveTo) {
        SurveyDataset generated = SyntheticSurvey.dataset(questions, countries, min, max, 2556);
        String csv = SurveyCsvWriter.write(generated);
        StringBuilder jsonl = new StringBuilder();
        AnswerSet model = SyntheticSurvey.answers(generated, 7);
        model.distributions().forEach((qid, d) -> jsonl.append("{\"qid\": ").append(qid).append(", \"distribution\": ")
                .append(Arrays.toString(d)).append("}\n"));
        if (saveTo != null) {
            Output.text(csv, saveTo.resolve("synthetic.csv"));
            Output.text(jsonl.toString(), saveTo.resolve("synthetic.jsonl"));
        }
        SimilarityOptions options = new SimilarityOptions(Metric.JSD, LogBase.TWO, resamples, SimilarityOptions.DEFAULT_SEED);

        long t0 = System.nanoTime();
        SurveyDataset dataset = SurveyCsvReader.read(csv, "synthetic.csv");
        long t1 = System.nanoTime();
        AnswerSet answers = AnswerSetReader.read(jsonl.toString(), AnswerFormat.JSONL, dataset, "synthetic.jsonl",
                "synthetic-model", AnswerSetReader.Options.defaults());
        long t2 = System.nanoTime();
        SimilarityReport first = Similarity.report(dataset, answers, options);
        long t3 = System.nanoTime();
        double[] warm = new double[runs];
        for (int r = 0; r < runs; r++) {
            long s = System.nanoTime();
            Similarity.report(dataset, answers, options);
            warm[r] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(warm);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("questions", dataset.questions().size());
        m.put("countries", dataset.countries().size());
        m.put("pairs", dataset.distributionCount());
        m.put("csvBytes", csv.length());
        m.put("resamples", resamples);
        m.put("parseSurveyMs", round((t1 - t0) / 1e6));
        m.put("parseAnswersMs", round((t2 - t1) / 1e6));
        m.put("firstReportMs", round((t3 - t2) / 1e6));
        m.put("endToEndMs", round((t3 - t0) / 1e6));
        m.put("warmReportMedianMs", runs == 0 ? null : round(warm[runs / 2]));
        m.put("warmReportMaxMs", runs == 0 ? null : round(warm[runs - 1]));
        m.put("targetSeconds", TARGET_SECONDS);
        m.put("withinTarget", (t3 - t0) / 1e9 < TARGET_SECONDS);
        m.put("bestCountry", first.countries().getFirst().country());
        Output.progress(String.format("  %d questions, %d pairs: parse %.0f ms + %.0f ms, report %.0f ms (warm median %s ms), end to end %.0f ms",
                dataset.questions().size(), dataset.distributionCount(), (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6,
                m.get("warmReportMedianMs"), (t3 - t0) / 1e6));
        return m;
    }

    private static double round(double ms) {
        return Math.round(ms * 10) / 10.0;
    }

    static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("date", java.time.LocalDate.now().toString());
        return m;
    }
}
