package org.charter.opinions.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.charter.problem.Problem;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * A client of an OpenAI-compatible {@code POST {base}/chat/completions} endpoint (JDK HttpClient + Jackson) that
 * retries what may pass: network errors, 408, 429 and 5xx answers, with exponential back-off (delay × 2 per attempt,
 * up to a quarter more at random so that parallel workers do not retry in step; a Retry-After header is honoured).
 * Other answers are final: 401/403 (key refused), 404 (no such model or path), 400 (request refused).
 */
public final class ChatClient {

    /** Retry policy: attempts in all (≥ 1), first delay, longest delay. */
    public record Retry(int attempts, Duration firstDelay, Duration maxDelay) {
        public static Retry defaults() {
            return new Retry(6, Duration.ofSeconds(1), Duration.ofSeconds(60));
        }
    }

    /** A final refusal from the endpoint: its status and body, for the caller to decide (e.g. no logprobs support). */
    public static final class Refused extends Exception {
        final int status;
        final String body;

        Refused(int status, String body) {
            super("HTTP " + status + ": " + abbreviate(body), null, false, false);
            this.status = status;
            this.body = body;
        }

        public int status() {
            return status;
        }
    }

    private static final Set<Integer> RETRYABLE = Set.of(408, 409, 425, 429, 500, 502, 503, 504, 529);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final URI endpoint;
    private final String apiKey;
    private final Retry retry;
    private final Duration timeout;
    private final Consumer<String> log;

    public ChatClient(String baseUrl, String apiKey, Retry retry, Duration timeout, Consumer<String> log) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.endpoint = URI.create(base + "/chat/completions");
        if (endpoint.getScheme() == null || !(endpoint.getScheme().equals("http") || endpoint.getScheme().equals("https"))) {
            throw Problem.invalid("--base-url", "must be an http(s) URL, not '" + baseUrl + "'");
        }
        this.apiKey = apiKey;
        this.retry = retry;
        this.timeout = timeout;
        this.log = log;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
    }

    /** Sends one request body, retrying as described; returns the parsed response. */
    public JsonNode complete(Map<String, Object> body) throws Refused, InterruptedException {
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json));
        if (apiKey != null && !apiKey.isBlank()) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        String lastFailure = "";
        for (int attempt = 1; ; attempt++) {
            Duration wait = null;
            try {
                HttpResponse<String> response = http.send(request.build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = response.statusCode();
                if (status / 100 == 2) {
                    try {
                        return JSON.readTree(response.body());
                    } catch (IOException e) {
                        lastFailure = "the answer is not JSON: " + abbreviate(response.body());
                    }
                } else if (RETRYABLE.contains(status)) {
                    lastFailure = "HTTP " + status + ": " + abbreviate(response.body());
                    wait = retryAfter(response);
                } else {
                    throw new Refused(status, response.body());
                }
            } catch (IOException e) {
                lastFailure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            if (attempt >= retry.attempts()) {
                throw Problem.of(Problem.Kind.UNAVAILABLE, endpoint.toString(),
                        "gave up after " + attempt + " attempts; last failure: " + lastFailure);
            }
            Duration delay = wait != null ? min(wait, retry.maxDelay()) : backoff(attempt);
            log.accept("attempt " + attempt + " failed (" + lastFailure + "); retrying in " + delay.toMillis() + " ms");
            Thread.sleep(delay.toMillis());
        }
    }

    /** firstDelay × 2^(attempt−1), capped, plus up to 25% jitter. */
    Duration backoff(int attempt) {
        long base = retry.firstDelay().toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, retry.maxDelay().toMillis());
        long jitter = capped <= 0 ? 0 : ThreadLocalRandom.current().nextLong(capped / 4 + 1);
        return Duration.ofMillis(Math.min(capped + jitter, retry.maxDelay().toMillis()));
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(v -> {
            try {
                return Duration.ofMillis((long) (Double.parseDouble(v.strip()) * 1000));
            } catch (NumberFormatException e) {
                return null; // an HTTP date: use our own back-off
            }
        }).orElse(null);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    static String abbreviate(String body) {
        String s = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return s.length() <= 300 ? s : s.substring(0, 297) + "...";
    }
}
