package org.charter.opinions.collect;

import com.fasterxml.jackson.databind.JsonNode;
import org.charter.opinions.SurveyDataset;
import org.charter.opinions.SurveyQuestion;
import org.charter.problem.Problem;

import java.io.IOException;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Collects a model answer set: asks an OpenAI-compatible chat endpoint each question of a survey in the paper's
 * multiple-choice form ({@link Prompt}) and writes the model's distribution over the options, one JSON line per
 * question ({@link AnswerLog}). The distribution comes from the log-probabilities of the answer letter, or, when the
 * endpoint offers none, from {@code samples} sampled answers ({@link OptionDistribution}). A rerun skips the
 * questions already in the output, so a stopped run resumes where it stopped.
 */
public final class Collector {

    /** How to read the model's answer distribution. AUTO: log-probabilities, else samples. */
    public enum Mode { AUTO, LOGPROBS, SAMPLES }

    /**
     * {@code topLogprobs}: tokens requested per position (OpenAI allows up to 20); {@code samples}: answers drawn per
     * question in sampling mode, at {@code temperature}; {@code parallel}: requests in flight; {@code limit}: at most
     * this many new questions (null: all).
     */
    public record Settings(String model, Condition condition, Mode mode, boolean prefill, int topLogprobs, int samples,
                           double temperature, int parallel, Integer limit) {
        public Settings {
            if (model == null || model.isBlank()) {
                throw Problem.invalid("--model", "name the model");
            }
            if (topLogprobs < 1 || topLogprobs > 20) {
                throw Problem.invalid("--top-logprobs", "must be between 1 and 20");
            }
            if (samples < 1 || samples > 1000) {
                throw Problem.invalid("--samples", "must be between 1 and 1000");
            }
            if (temperature < 0 || temperature > 2) {
                throw Problem.invalid("--temperature", "must be between 0 and 2");
            }
            if (parallel < 1 || parallel > 64) {
                throw Problem.invalid("--parallel", "must be between 1 and 64");
            }
            if (limit != null && limit < 0) {
                throw Problem.invalid("--limit", "must not be negative");
            }
        }

        /** The answer set's name: model and condition, e.g. {@code gpt-4o-cross-national:Japan}. */
        public String answerSetName() {
            return model + "-" + condition.label();
        }
    }

    /** What a run did: questions in the survey, already answered before, answered now, and left unanswered. */
    public record Summary(int questions, int alreadyAnswered, int answered, int unreadable, String method, Path file) {
    }

    private final ChatClient client;
    private final Settings settings;
    private final Consumer<String> progress;
    private final AtomicBoolean sampling;

    public Collector(ChatClient client, Settings settings, Consumer<String> progress) {
        this.client = client;
        this.settings = settings;
        this.progress = progress;
        this.sampling = new AtomicBoolean(settings.mode() == Mode.SAMPLES);
    }

    public Summary collect(SurveyDataset dataset, Path out) throws InterruptedException {
        try (AnswerLog log = AnswerLog.open(out, settings.model(), settings.condition().label())) {
            Set<Integer> done = log.done();
            List<SurveyQuestion> pending = new ArrayList<>();
            for (SurveyQuestion q : dataset.questions()) {
                if (!done.contains(q.qid())) {
                    pending.add(q);
                }
            }
            if (settings.limit() != null && pending.size() > settings.limit()) {
                pending = pending.subList(0, settings.limit());
            }
            int already = (int) dataset.questions().stream().filter(q -> done.contains(q.qid())).count();
            if (already > 0) {
                progress.accept("resuming: " + already + " of " + dataset.questions().size()
                        + " questions already answered in " + out);
            }
            AtomicInteger answered = new AtomicInteger();
            AtomicInteger unreadable = new AtomicInteger();
            int total = pending.size();
            ExecutorService pool = Executors.newFixedThreadPool(settings.parallel(), Thread.ofVirtual().factory());
            AtomicBoolean stopped = new AtomicBoolean();
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (SurveyQuestion q : pending) {
                    futures.add(pool.submit(() -> {
                        if (stopped.get()) {
                            return null; // an earlier question failed: ask nothing more
                        }
                        Map<String, Object> line;
                        try {
                            line = answer(q);
                        } catch (Exception | Error e) {
                            stopped.set(true);
                            throw e;
                        }
                        if (line == null) {
                            unreadable.incrementAndGet();
                            progress.accept("question " + q.qid() + ": no option letter in the model's answer; left for a rerun");
                        } else {
                            log.append(line);
                            int n = answered.incrementAndGet();
                            progress.accept("[" + n + "/" + total + "] question " + q.qid() + " (" + line.get("method") + ")");
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    try {
                        f.get();
                    } catch (ExecutionException e) {
                        pool.shutdownNow(); // stop asking; what is written stays written
                        throw unwrap(e.getCause());
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            return new Summary(dataset.questions().size(), already, answered.get(), unreadable.get(),
                    sampling.get() ? "samples" : "logprobs", out);
        } catch (IOException e) {
            throw Problem.invalid(out.toString(), "cannot write the answers: " + e.getMessage());
        }
    }

    private static RuntimeException unwrap(Throwable cause) throws InterruptedException {
        if (cause instanceof InterruptedException ie) {
            throw ie;
        }
        if (cause instanceof RuntimeException re) {
            return re;
        }
        return new IllegalStateException(cause);
    }

    /** One question's answer line, or null when the model named no option. */
    Map<String, Object> answer(SurveyQuestion q) throws Exception {
        if (q.options().size() > Prompt.MAX_OPTIONS) {
            progress.accept("question " + q.qid() + ": more than 26 options, cannot be asked with letters; skipped");
            return null;
        }
        if (!sampling.get()) {
            try {
                double[] d = fromLogprobs(q);
                if (d != null) {
                    return line(q, d, "logprobs", null);
                }
                if (!sampling.get()) {
                    return null;
                }
            } catch (ChatClient.Refused e) {
                if (settings.mode() == Mode.AUTO && e.status() == 400 && sampling.compareAndSet(false, true)) {
                    progress.accept("the endpoint refused a log-probability request (" + e.getMessage()
                            + "); sampling " + settings.samples() + " answers per question instead");
                } else if (!sampling.get()) {
                    throw refused(e);
                }
            }
        }
        return fromSamples(q);
    }

    private double[] fromLogprobs(SurveyQuestion q) throws ChatClient.Refused, InterruptedException {
        Map<String, Object> body = request(q);
        body.put("max_tokens", settings.prefill() ? 1 : 4);
        body.put("temperature", 0);
        body.put("logprobs", true);
        body.put("top_logprobs", settings.topLogprobs());
        JsonNode response = client.complete(body);
        JsonNode content = response.path("choices").path(0).path("logprobs").path("content");
        if (!content.isArray() || content.isEmpty()) {
            if (settings.mode() == Mode.LOGPROBS) {
                throw Problem.invalid("--mode", "the endpoint returned no log-probabilities; use --mode samples (or auto)");
            }
            if (sampling.compareAndSet(false, true)) {
                progress.accept("the endpoint returns no log-probabilities; sampling " + settings.samples()
                        + " answers per question instead");
            }
            return null;
        }
        int options = q.options().size();
        for (JsonNode position : content) {
            List<Map.Entry<String, Double>> top = new ArrayList<>();
            for (JsonNode t : position.path("top_logprobs")) {
                top.add(new AbstractMap.SimpleEntry<>(t.path("token").asText(), t.path("logprob").asDouble()));
            }
            if (top.isEmpty()) {
                top.add(new AbstractMap.SimpleEntry<>(position.path("token").asText(), position.path("logprob").asDouble()));
            }
            double[] d = OptionDistribution.fromLogprobs(top, options);
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    private Map<String, Object> fromSamples(SurveyQuestion q) throws ChatClient.Refused, InterruptedException {
        int options = q.options().size();
        double[] counts = new double[options];
        int valid = 0;
        int invalid = 0;
        int requests = 0;
        while (valid < settings.samples() && requests < settings.samples() + 5) {
            Map<String, Object> body = request(q);
            body.put("max_tokens", settings.prefill() ? 3 : 16);
            body.put("temperature", settings.temperature());
            body.put("n", settings.samples() - valid);
            JsonNode response;
            try {
                response = client.complete(body);
            } catch (ChatClient.Refused e) {
                throw refused(e);
            }
            requests++;
            JsonNode choices = response.path("choices");
            if (!choices.isArray() || choices.isEmpty()) {
                throw Problem.invalid("--base-url", "the endpoint answered without choices: not a chat-completions endpoint?");
            }
            for (JsonNode choice : choices) {
                if (valid >= settings.samples()) {
                    break;
                }
                int k = OptionDistribution.optionOfAnswer(choice.path("message").path("content").asText(null), options);
                if (k < 0) {
                    invalid++;
                } else {
                    counts[k]++;
                    valid++;
                }
            }
        }
        if (valid == 0) {
            return null;
        }
        for (int k = 0; k < options; k++) {
            counts[k] /= valid;
        }
        Map<String, Object> line = line(q, counts, "samples", valid);
        line.put("invalid", invalid);
        return line;
    }

    private Map<String, Object> request(SurveyQuestion q) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", settings.model());
        body.put("messages", Prompt.messages(q, settings.condition(), settings.prefill()));
        return body;
    }

    private Map<String, Object> line(SurveyQuestion q, double[] distribution, String method, Integer samples) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("qid", q.qid());
        line.put("question", q.text());
        line.put("distribution", distribution);
        line.put("model", settings.model());
        line.put("condition", settings.condition().label());
        line.put("method", method);
        if (samples != null) {
            line.put("samples", samples);
        }
        return line;
    }

    private static Problem refused(ChatClient.Refused e) {
        String why = switch (e.status()) {
            case 401, 403 -> "the API key was refused";
            case 404 -> "no such model or endpoint (check --base-url and --model)";
            default -> "the endpoint refused the request";
        };
        return Problem.invalid("--base-url", why + " (HTTP " + e.status() + "): " + ChatClient.abbreviate(e.body));
    }
}
