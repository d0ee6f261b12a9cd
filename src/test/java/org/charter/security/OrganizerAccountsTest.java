package org.charter.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.charter.testing.Api;
import org.charter.testing.DatabaseTest;
import org.junit.jupiter.api.Test;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Registering, signing in and out over HTTP, and what a bad registration is told. */
@MicronautTest(transactional = false)
class OrganizerAccountsTest extends DatabaseTest {

    private static final String PASSWORD = "correct horse battery";

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void anOrganizerRegistersSignsInAndOut() throws Exception {
        Api api = new Api(client);
        Map<?, ?> registered = api.post("/api/auth/register",
                Map.of("email", " Ada@Example.org ", "name", "Ada", "password", PASSWORD), null);
        assertEquals("ada@example.org", ((Map<?, ?>) registered.get("organizer")).get("email"));
        assertEquals("ada@example.org", api.get("/api/auth/me", (String) registered.get("token")).get("email"));

        api.problem(HttpStatus.UNAUTHORIZED, HttpRequest.POST("/api/auth/login",
                Map.of("email", "ada@example.org", "password", "not the password")));
        String token = (String) api.post("/api/auth/login", Map.of("email", "ADA@example.org", "password", PASSWORD), null)
                .get("token");
        client.toBlocking().exchange(HttpRequest.POST("/api/auth/logout", Map.of()).bearerAuth(token));
        api.problem(HttpStatus.UNAUTHORIZED, HttpRequest.GET("/api/auth/me").bearerAuth(token));
        assertEquals("ada@example.org", api.get("/api/auth/me", (String) registered.get("token")).get("email"),
                "signing out ends that session only");

        try (var c = jdbc(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT password_hash FROM organizer WHERE email = 'ada@example.org'")) {
            rs.next();
            String hash = rs.getString(1);
            assertEquals("$2", hash.substring(0, 2), "a bcrypt hash");
            assertFalse(hash.contains(PASSWORD));
        }
    }

    @Test
    void aBadRegistrationSaysWhichFieldIsWrong() {
        Api api = new Api(client);
        api.post("/api/auth/register", Map.of("email", "taken@example.org", "name", "First", "password", PASSWORD), null);
        Map<String, Map<String, String>> bad = Map.of(
                "email", Map.of("email", "not-an-address", "name", "N", "password", PASSWORD),
                "name", Map.of("email", "long@example.org", "name", "n".repeat(201), "password", PASSWORD),
                "password", Map.of("email", "short@example.org", "name", "N", "password", "short"));
        bad.forEach((field, body) -> assertEquals(field,
                api.problem(HttpStatus.BAD_REQUEST, HttpRequest.POST("/api/auth/register", body)).get("where")));
        Map<?, ?> taken = api.problem(HttpStatus.CONFLICT, HttpRequest.POST("/api/auth/register",
                Map.of("email", "Taken@example.org", "name", "Second", "password", PASSWORD)));
        assertEquals("email", taken.get("where"));
    }
}
