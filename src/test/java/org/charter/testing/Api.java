package org.charter.testing;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A small client of Charter's REST API for tests: plain JSON maps over a real socket, so tests see what any
 * client sees. {@code organizerToken} signs requests in as an organizer, {@code participantToken} as a participant.
 */
public final class Api {

    private final BlockingHttpClient http;

    public Api(HttpClient client) {
        this.http = client.toBlocking();
    }

    /** Registers a fresh organizer and returns their bearer token. */
    public String newOrganizer() {
        String email = "organizer-" + UUID.randomUUID() + "@example.org";
        Map<?, ?> session = post("/api/auth/register", Map.of("email", email, "name", "Org", "password", "correct horse battery"), null);
        return (String) session.get("token");
    }

    public Map<?, ?> get(String path, String organizerToken) {
        return http.retrieve(auth(HttpRequest.GET(path), organizerToken), Map.class);
    }

    public List<?> getList(String path, String organizerToken) {
        return http.retrieve(auth(HttpRequest.GET(path), organizerToken), List.class);
    }

    public Map<?, ?> post(String path, Object body, String organizerToken) {
        return http.retrieve(auth(HttpRequest.POST(path, body), organizerToken), Map.class);
    }

    public Map<?, ?> patch(String path, Object body, String organizerToken) {
        return http.retrieve(auth(HttpRequest.PATCH(path, body), organizerToken), Map.class);
    }

    public Map<?, ?> asParticipant(MutableHttpRequest<?> request, String participantToken) {
        return http.exchange(request.header("X-Participant-Token", participantToken), Map.class).getBody().orElse(null);
    }

    /** Joins a conversation anonymously and returns the participant token. */
    public String join(String conversation) {
        Map<?, ?> session = post("/api/conversations/" + conversation + "/participants", Map.of(), null);
        return (String) session.get("token");
    }

    public Map<?, ?> next(String conversation, String participantToken) {
        return asParticipant(HttpRequest.GET("/api/conversations/" + conversation + "/next"), participantToken);
    }

    public Map<?, ?> vote(String conversation, String participantToken, long statementId, Object vote) {
        return asParticipant(HttpRequest.POST("/api/conversations/" + conversation + "/votes",
                Map.of("statementId", statementId, "vote", vote)), participantToken);
    }

    /** Sends the request, expects it to fail with this status and a problem document, and returns the document. */
    public Map<?, ?> problem(HttpStatus status, MutableHttpRequest<?> request) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> http.exchange(request, String.class));
        assertEquals(status, e.getStatus(), () -> "body: " + e.getResponse().getBody(String.class).orElse(""));
        assertEquals("application/problem+json", e.getResponse().getContentType().map(MediaType::toString).orElse(""));
        Map<?, ?> body = e.getResponse().getBody(Map.class).orElseThrow();
        assertEquals(status.getCode(), ((Number) body.get("status")).intValue());
        assertNotNull(body.get("detail"));
        return body;
    }

    public static <T> MutableHttpRequest<T> auth(MutableHttpRequest<T> request, String organizerToken) {
        return organizerToken == null ? request : request.bearerAuth(organizerToken);
    }
}
