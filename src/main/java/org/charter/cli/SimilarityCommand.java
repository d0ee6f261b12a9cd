package org.charter.cli;

import org.charter.opinions.AnswerFormat;
import org.charter.opinions.AnswerSet;
import org.charter.opinions.AnswerSetReader;
import org.charter.opinions.ComparisonReport;
import org.charter.opinions.Issue;
import org.charter.opinions.LogBase;
import org.charter.opinions.Metric;
import org.charter.opinions.OpinionQaWave;
import org.charter.opinions.ReportCsv;
import org.charter.opinions.Similarity;
import org.charter.opinions.SimilarityOptions;
import org.charter.opinions.SimilarityReport;
import org.charter.opinions.SurveyCsvReader;
import org.charter.opinions.SurveyDataset;
import org.charter.problem.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code charter similarity}: whose opinions a model answer set resembles, country by country (pure computation on
 * files; no database, no Micronaut).
 */
@Command(name = "similarity", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Rank countries by how similar their survey answers are to a model's answers.",
                "Similarity is 1 - Jensen-Shannon distance, per country mean with a 95% bootstrap interval.",
                "Prints JSON: {\"questions\", \"metric\", \"countries\": [{\"country\", \"similarity\", \"questions\", \"ci95\"}]}, best first."})
final class SimilarityCommand implements Callable<Integer> {

    @Option(names = "--survey", required = true, paramLabel = "CSV",
            description = "Survey dataset: a GlobalOpinionQA CSV (question,selections,options,source), or an OpinionQA wave folder with --group-by.")
    Path survey;

    @Option(names = "--group-by", paramLabel = "ATTRIBUTE",
            description = "For an OpinionQA wave folder: the demographic attribute whose groups play the countries' part (e.g. POLPARTY).")
    String groupBy;

    @Option(names = "--answers", required = true, paramLabel = "FILE",
            description = "Model answer set: JSON lines ({\"qid\": 0, \"distribution\": [...]}, by \"question\", or raw \"answer\" samples) or CSV.")
    Path answers;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Compare instead: the per-country change from this answer set to --answers (e.g. default -> cross-national).")
    Path baseline;

    @Option(names = "--answers-format", paramLabel = "jsonl|csv", description = "Format of the answer files (default: from the file extension).")
    String answersFormat;

    @Option(names = "--country", paramLabel = "NAME",
            description = "Use only the answer lines written for this country (answer files with a country column).")
    String country;

    @Option(names = "--lenient", description = "Leave out answer lines with errors (listed on stderr) instead of stopping.")
    boolean lenient;

    @Option(names = "--metric", defaultValue = "jsd", paramLabel = "jsd|wasserstein",
            description = "jsd (default): 1 - Jensen-Shannon distance on every question; wasserstein: 1 - normalized Wasserstein distance on ordinal questions only.")
    String metric;

    @Option(names = "--log-base", defaultValue = "2", paramLabel = "2|e",
            description = "Logarithm base of the Jensen-Shannon divergence (default 2: distance in [0, 1]).")
    String logBase;

    @Option(names = "--min-questions", defaultValue = "1", paramLabel = "N",
            description = "Rank only countries that answered at least N of the compared questions (default 1; the others are counted under skipped).")
    int minQuestions;

    @Option(names = "--resamples", defaultValue = "1000", paramLabel = "N", description = "Bootstrap resamples for the 95% intervals (0: none; default 1000).")
    int resamples;

    @Option(names = "--seed", defaultValue = "20230629", paramLabel = "N", description = "Bootstrap seed (default 20230629).")
    long seed;

    @Option(names = "--format", defaultValue = "json", paramLabel = "json|csv", description = "Output format (default json).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the result here instead of standard output.")
    Path out;

    @Override
    public Integer call() {
        SimilarityOptions options = options();
        boolean csv = switch (format.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "json" -> false;
            case "csv" -> true;
            default -> throw Problem.invalid("--format", "must be json or csv, not '" + format + "'");
        };
        SurveyDataset dataset = readSurvey();
        report("survey " + survey.getFileName(), dataset.skipped(), "row skipped");
        report("survey " + survey.getFileName(), dataset.warnings(), "warning");
        AnswerSet model = readAnswers(answers, dataset);
        if (baseline == null) {
            SimilarityReport r = Similarity.report(dataset, model, options);
            Output.progress("charter: " + r.questions() + " questions compared with " + r.countries().size() + " countries");
            if (csv) {
                Output.text(ReportCsv.ranking(r), out);
            } else {
                Output.json(r, out);
            }
        } else {
            AnswerSet before = readAnswers(baseline, dataset);
            ComparisonReport r = Similarity.compare(dataset, before, model, options);
            if (csv) {
                Output.text(ReportCsv.comparison(r), out);
            } else {
                Output.json(r, out);
            }
        }
        return 0;
    }

    private SimilarityOptions options() {
        try {
            if (resamples < 0 || resamples > SimilarityOptions.MAX_RESAMPLES) {
                throw Problem.invalid("--resamples", "must be between 0 and " + SimilarityOptions.MAX_RESAMPLES);
            }
            if (minQuestions < 1) {
                throw Problem.invalid("--min-questions", "must be at least 1");
            }
            return new SimilarityOptions(Metric.parse(metric), LogBase.parse(logBase), resamples, seed, minQuestions);
        } catch (IllegalArgumentException e) {
            throw Problem.invalid(e.getMessage().startsWith("metric") ? "--metric" : "--log-base", e.getMessage());
        }
    }

    private SurveyDataset readSurvey() {
        if (Files.isDirectory(survey)) {
            if (groupBy == null) {
                throw Problem.invalid("--group-by", "an OpinionQA wave folder needs --group-by ATTRIBUTE (e.g. POLPARTY)");
            }
            return OpinionQaWave.read(survey, groupBy);
        }
        if (!Files.isRegularFile(survey)) {
            throw Problem.invalid("--survey", "no such file: " + survey);
        }
        return SurveyCsvReader.read(survey);
    }

    private AnswerSet readAnswers(Path file, SurveyDataset dataset) {
        if (!Files.isRegularFile(file)) {
            throw Problem.invalid(file == baseline ? "--baseline" : "--answers", "no such file: " + file);
        }
        AnswerFormat fmt;
        try {
            fmt = answersFormat == null ? AnswerFormat.fromFileName(file.toString()) : AnswerFormat.parse(answersFormat);
        } catch (IllegalArgumentException e) {
            throw Problem.invalid("--answers-format", e.getMessage());
        }
        String name = file.getFileName().toString().replaceFirst("\\.(jsonl|json|ndjson|csv)$", "")
                + (country == null ? "" : ":" + country);
        AnswerSet set = AnswerSetReader.read(file, fmt, dataset, name, new AnswerSetReader.Options(country, lenient));
        report("answers " + file.getFileName(), set.warnings(), "warning");
        return set;
    }

    /** A few lines on stderr, then a count, so that a long list does not bury the result. */
    private static void report(String what, List<Issue> issues, String kind) {
        int shown = Math.min(issues.size(), 5);
        for (Issue i : issues.subList(0, shown)) {
            Output.progress("charter: " + what + ": " + i.where(null) + ": " + i.message());
        }
        if (issues.size() > shown) {
            Output.progress("charter: " + what + ": " + (issues.size() - shown) + " more (" + kind + "s)");
        }
    }
}
