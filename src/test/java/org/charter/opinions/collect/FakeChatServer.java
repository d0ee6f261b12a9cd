package org.charter.opinions.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local OpenAI-compatible chat-completions server for tests (JDK HttpServer on a free port). It answers
 * multiple-choice prompts with a known distribution: option k (0-based) of n gets probability (k+1)/(n(n+1)/2) × 0.9,
 * and the token "I" gets the remaining 0.1. Switches make it fail, drop log-probabilities, or refuse the key.
 */
final class FakeChatServer implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern OPTION_LINE = Pattern.compile("(?m)^\\(([A-Z])\\) ");

    final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    /** Answer this many requests normally, then fail every request with 500 (-1: never). */
    volatile int healthyRequests = -1;
    /** The next this-many requests get 429 with Retry-After: 0, then service resumes. */
    final AtomicInteger transientFailures = new AtomicInteger();
    volatile boolean logprobs = true;
    volatile boolean refuseKey = false;
    /** The bearer token expected; null accepts requests without a key, as local servers do. */
    volatile String requiredKey = "test-key";
    /** In sampling mode, every third sample of a request is unreadable text. */
    volatile boolean someGarbage = false;
    private final AtomicInteger served = new AtomicInteger();
    private final HttpServer server;

    FakeChatServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    static double[] expected(int options) {
        double total = options * (options + 1) / 2.0;
        double[] p = new double[options];
        for (int k = 0; k < options; k++) {
            p[k] = 0.9 * (k + 1) / total;
        }
        return p;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            requests.add(body);
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (refuseKey || (requiredKey != null && !("Bearer " + requiredKey).equals(auth))) {
                send(exchange, 401, Map.of("error", Map.of("message", "Incorrect API key provided")));
                return;
            }
            if (transientFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                exchange.getResponseHeaders().add("Retry-After", "0");
                send(exchange, 429, Map.of("error", Map.of("message", "Rate limit reached")));
                return;
            }
            if (healthyRequests >= 0 && served.get() >= healthyRequests) {
                send(exchange, 500, Map.of("error", Map.of("message", "The server had an error")));
                return;
            }
            served.incrementAndGet();
            JsonNode messages = body.path("messages");
            String user = messages.path(0).path("content").asText();
            List<String> letters = new ArrayList<>();
            Matcher m = OPTION_LINE.matcher(user);
            while (m.find()) {
                letters.add(m.group(1));
            }
            double[] p = expected(letters.size());
            List<Object> choices = new ArrayList<>();
            int n = body.path("n").asInt(1);
            for (int c = 0; c < (logprobs ? 1 : n); c++) {
                Map<String, Object> choice = new LinkedHashMap<>();
                choice.put("index", c);
                String answer;
                if (logprobs) {
                    answer = letters.getLast();
                    List<Object> top = new ArrayList<>();
                    top.add(Map.of("token", "I", "logprob", Math.log(0.1)));
                    for (int k = letters.size() - 1; k >= 0; k--) {
                        top.add(Map.of("token", letters.get(k), "logprob", Math.log(p[k])));
                    }
                    choice.put("logprobs", Map.of("content", List.of(Map.of("token", answer, "logprob", Math.log(p[p.length - 1]),
                            "top_logprobs", top.subList(0, Math.min(top.size(), body.path("top_logprobs").asInt(20)))))));
                } else {
                    // deterministic samples, by position in the request: first option, last option, then the last
                    // option again (or unreadable text when someGarbage is set)
                    answer = someGarbage && c % 3 == 2 ? "I cannot answer that." : letters.get(c % 3 == 0 ? 0 : letters.size() - 1) + ")";
                    choice.put("logprobs", null);
                }
                choice.put("message", Map.of("role", "assistant", "content", answer));
                choice.put("finish_reason", "length");
                choices.add(choice);
            }
            send(exchange, 200, Map.of("id", "chatcmpl-test", "object", "chat.completion", "model",
                    body.path("model").asText(), "choices", choices));
        }
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    void healthy() {
        healthyRequests = -1;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
