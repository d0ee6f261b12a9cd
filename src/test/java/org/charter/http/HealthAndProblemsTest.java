package org.charter.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.charter.testing.DatabaseTest;
import org.junit.jupiter.api.Test;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class HealthAndProblemsTest extends DatabaseTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void healthIsUpWhenTheDatabaseAnswers() {
        Map<?, ?> health = client.toBlocking().retrieve(HttpRequest.GET("/health"), Map.class);
        assertEquals("UP", health.get("status"));
    }

    @Test
    void theSchemaIsMigratedOnStart() throws Exception {
        try (var c = jdbc(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM flyway_schema_history WHERE success")) {
            rs.next();
            assertTrue(rs.getInt(1) >= 1);
        }
    }

    @Test
    void theOpenApiDocumentListsTheApi() {
        String yaml = client.toBlocking().retrieve(HttpRequest.GET("/openapi"), String.class);
        assertTrue(yaml.startsWith("openapi: 3"));
        for (String path : new String[]{"/api/conversations:", "/api/conversations/{conversation}/votes:",
                "/api/conversations/{conversation}/analysis:", "/api/auth/login:", "/api/opinions/datasets:"}) {
            assertTrue(yaml.contains(path), path);
        }
    }

    @Test
    void unknownApiRouteAnswersAProblemDocument() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().retrieve(HttpRequest.GET("/api/no-such-thing"), String.class));
        assertEquals(HttpStatus.NOT_FOUND, e.getStatus());
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
        Map<?, ?> body = e.getResponse().getBody(Map.class).orElseThrow();
        assertEquals(404, body.get("status"));
    }
}
