package org.charter.cli;

import org.charter.opinions.SurveyCsvReader;
import org.charter.opinions.SurveyDataset;
import org.charter.opinions.collect.ChatClient;
import org.charter.opinions.collect.Collector;
import org.charter.opinions.collect.Condition;
import org.charter.problem.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code charter collect}: ask a model every survey question and write its answer set (JSON lines, resumable). */
@Command(name = "collect", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Ask a model (OpenAI-compatible endpoint) every survey question; write its answer set.",
                "Each question goes in the GlobalOpinionQA multiple-choice form; the model's answer distributions",
                "are written as a JSON-lines answer set.",
                "Distributions come from the answer letter's log-probabilities, or from sampled answers when the endpoint",
                "offers none. Rerunning with the same --out skips the questions already answered."})
final class CollectCommand implements Callable<Integer> {

    @Option(names = "--survey", required = true, paramLabel = "CSV", description = "Survey dataset (GlobalOpinionQA CSV).")
    Path survey;

    @Option(names = "--model", required = true, description = "Model name as the endpoint knows it.")
    String model;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Endpoint base URL, up to /v1 (default: $OPENAI_BASE_URL, else https://api.openai.com/v1).")
    String baseUrl;

    @Option(names = "--api-key-env", defaultValue = "OPENAI_API_KEY", paramLabel = "NAME",
            description = "Environment variable holding the API key (default OPENAI_API_KEY; unset: no key is sent).")
    String apiKeyEnv;

    @Option(names = "--condition", defaultValue = "default", paramLabel = "default|cross-national:COUNTRY",
            description = "default, or cross-national:COUNTRY (\"How would someone from COUNTRY answer...\").")
    String condition;

    @Option(names = "--mode", defaultValue = "auto", paramLabel = "auto|logprobs|samples",
            description = "Read the distribution from log-probabilities, from samples, or auto (log-probabilities when offered).")
    String mode;

    @Option(names = "--samples", defaultValue = "20", paramLabel = "N", description = "Answers sampled per question in sampling mode (default 20).")
    int samples;

    @Option(names = "--temperature", defaultValue = "1.0", description = "Sampling temperature (default 1.0; log-probability requests use 0).")
    double temperature;

    @Option(names = "--top-logprobs", defaultValue = "20", paramLabel = "N", description = "Top tokens requested (1-20, default 20).")
    int topLogprobs;

    @Option(names = "--no-prefill", negatable = false,
            description = "Do not send the assistant prefix \"If had to select one of the options, my answer would be (\"; ask for a letter instead (for endpoints that cannot continue an assistant message).")
    boolean noPrefill;

    @Option(names = "--parallel", defaultValue = "1", paramLabel = "N", description = "Requests in flight (default 1).")
    int parallel;

    @Option(names = "--limit", paramLabel = "N", description = "Ask at most N more questions this run.")
    Integer limit;

    @Option(names = "--retries", defaultValue = "6", paramLabel = "N", description = "Attempts per request before giving up (default 6).")
    int retries;

    @Option(names = "--retry-delay-ms", defaultValue = "1000", paramLabel = "MS", description = "First retry delay, doubled each time (default 1000).")
    long retryDelayMs;

    @Option(names = "--timeout-s", defaultValue = "120", paramLabel = "S", description = "Timeout per request in seconds (default 120).")
    int timeoutSeconds;

    @Option(names = "--out", paramLabel = "FILE", description = "Answer file (JSON lines; default MODEL-CONDITION.jsonl). Existing answers are kept and skipped.")
    Path out;

    @Override
    public Integer call() throws InterruptedException {
        if (!Files.isRegularFile(survey)) {
            throw Problem.invalid("--survey", "no such file: " + survey);
        }
        if (retries < 1 || retries > 50) {
            throw Problem.invalid("--retries", "must be between 1 and 50");
        }
        if (retryDelayMs < 0 || timeoutSeconds < 1) {
            throw Problem.invalid(retryDelayMs < 0 ? "--retry-delay-ms" : "--timeout-s", "must be positive");
        }
        Condition cond;
        Collector.Mode m;
        try {
            cond = Condition.parse(condition);
        } catch (IllegalArgumentException e) {
            throw Problem.invalid("--condition", e.getMessage());
        }
        try {
            m = Collector.Mode.valueOf(mode.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problem.invalid("--mode", "must be auto, logprobs or samples, not '" + mode + "'");
        }
        Collector.Settings settings = new Collector.Settings(model, cond, m, !noPrefill, topLogprobs, samples, temperature,
                parallel, limit);
        String base = baseUrl != null ? baseUrl : envOr("OPENAI_BASE_URL", "https://api.openai.com/v1");
        ChatClient client = new ChatClient(base, System.getenv(apiKeyEnv),
                new ChatClient.Retry(retries, Duration.ofMillis(retryDelayMs), Duration.ofSeconds(60)),
                Duration.ofSeconds(timeoutSeconds), msg -> Output.progress("collect: " + msg));
        SurveyDataset dataset = SurveyCsvReader.read(survey);
        Path file = out != null ? out : Path.of(settings.answerSetName().replaceAll("[^A-Za-z0-9._-]", "_") + ".jsonl");
        Output.progress("collect: " + settings.answerSetName() + " from " + base + " for " + dataset.questions().size()
                + " questions into " + file);
        Collector.Summary s = new Collector(client, settings, msg -> Output.progress("collect: " + msg)).collect(dataset, file);
        Output.progress("collect: done: " + s.answered() + " answered now, " + s.alreadyAnswered() + " before, "
                + s.unreadable() + " without a readable answer (" + s.method() + ") -> " + s.file());
        return 0;
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
