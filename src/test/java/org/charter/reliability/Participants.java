package org.charter.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Participants as a browser would be: plain HTTP/1.1 requests over real sockets with the JDK client (which many
 * virtual threads can share), joining a conversation and voting through the public API.
 */
final class Participants implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One joined participant. */
    record Participant(long id, String token) {
    }

    /** What the server answered to one request; {@code status} 0 when it did not answer at all. */
    record Answer(int status, String contentType, String retryAfter, String body) {
        boolean acknowledged() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    Participants(int port) {
        this.base = "http://localhost:" + port;
    }

    Participant join(String conversation) throws IOException, InterruptedException {
        Answer a = send("POST", "/api/conversations/" + conversation + "/participants", "{}");
        if (!a.acknowledged()) {
            throw new IllegalStateException("could not join: " + a);
        }
        JsonNode session = JSON.readTree(a.body());
        return new Participant(session.get("participantId").asLong(), session.get("token").asText());
    }

    /** Casts a vote (without asking for the next statement) and answers what the server said. */
    Answer vote(String conversation, Participant p, long statementId, int value) throws InterruptedException {
        String body = "{\"statementId\": " + statementId + ", \"vote\": \"" + value + "\"}";
        return send("POST", "/api/conversations/" + conversation + "/votes?next=false", body, "X-Participant-Token", p.token());
    }

    Answer get(String path) throws InterruptedException {
        return send("GET", path, null);
    }

    Answer send(String method, String path, String json, String... headers) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                    r.headers().firstValue("Retry-After").orElse(null), r.body());
        } catch (IOException e) {
            return new Answer(0, "", null, e.toString());
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
