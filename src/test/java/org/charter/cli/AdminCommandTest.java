package org.charter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.charter.security.SecretTokens;
import org.charter.testing.Api;
import org.charter.testing.CharterProcess;
import org.charter.testing.DatabaseTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code charter admin create-organizer} and {@code create-token}, run as their own processes on the database a
 * running server uses; the token they print signs organizer API calls in over HTTP.
 */
@MicronautTest(transactional = false)
class AdminCommandTest extends DatabaseTest {

    @Inject
    @Client("/")
    HttpClient client;

    private CharterProcess.Run admin(String stdin, String... args) throws Exception {
        return CharterProcess.run(List.of(args), Map.of(
                "CHARTER_DB_URL", database.url(), "CHARTER_DB_USER", database.user(), "CHARTER_DB_PASSWORD", database.password(),
                "CHARTER_OPINIONS_LOAD_SAMPLE", "false"), stdin);
    }

    @Test
    void aTokenOnlyOrganizerGetsATokenThatWorksOverHttpAndTheEmailCannotBeTakenTwice() throws Exception {
        CharterProcess.Run created = admin(null, "admin", "create-organizer", "--email", "Ada@Example.org", "--name", "Ada");
        assertEquals(0, created.exit(), created.stderr());
        assertTrue(created.stderr().contains("shown only now"), created.stderr());
        JsonNode out = Output.JSON.readTree(created.stdout());
        String token = out.get("token").asText();
        assertEquals("ada@example.org", out.get("organizer").get("email").asText());
        assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
        assertTrue(out.get("tokenExpiresAt").isNull());
        assertTrue(out.get("organizer").get("passwordHash") == null, "no hash is printed");

        try (Connection c = jdbc(); PreparedStatement s = c.prepareStatement("SELECT o.password_hash, t.label, t.expires_at"
                + " FROM organizer o JOIN organizer_token t ON t.organizer_id = o.id WHERE t.token_hash = ?")) {
            s.setBytes(1, SecretTokens.hash(token));
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), "the token's hash is stored");
                assertNull(rs.getString(1), "a token-only account has no password");
                assertEquals("admin-cli", rs.getString(2));
                assertNull(rs.getTimestamp(3));
            }
        }

        Api api = new Api(client);
        assertEquals("ada@example.org", api.get("/api/auth/me", token).get("email"));
        api.post("/api/conversations", Map.of("slug", "adas", "topic", "Ada's conversation"), token);
        assertEquals("Ada's conversation", api.get("/api/conversations/adas/manage", token).get("topic"));
        api.problem(HttpStatus.UNAUTHORIZED, HttpRequest.POST("/api/auth/login", Map.of("email", "ada@example.org", "password", "anything-at-all")));

        CharterProcess.Run twice = admin(null, "admin", "create-organizer", "--email", "ada@example.org", "--name", "Ada again");
        assertEquals(1, twice.exit());
        assertEquals("charter: email: an organizer with this email already exists", twice.stderr().strip().lines().toList().getLast());
        assertEquals("", twice.stdout());
    }

    @Test
    void anOrganizerWithAPasswordSignsInAndAnAdministratorCanIssueThemATokenLater() throws Exception {
        CharterProcess.Run created = admin("a long enough password\n", "admin", "create-organizer", "--email", "grace@example.org",
                "--name", "Grace", "--password-stdin");
        assertEquals(0, created.exit(), created.stderr());
        assertTrue(Output.JSON.readTree(created.stdout()).get("token").isNull(), "no token unless asked for");
        Api api = new Api(client);
        Map<?, ?> session = api.post("/api/auth/login", Map.of("email", "grace@example.org", "password", "a long enough password"), null);
        assertEquals("Grace", ((Map<?, ?>) session.get("organizer")).get("displayName"));

        CharterProcess.Run issued = admin(null, "admin", "create-token", "--email", "grace@example.org", "--token-days", "7");
        assertEquals(0, issued.exit(), issued.stderr());
        JsonNode out = Output.JSON.readTree(issued.stdout());
        assertTrue(out.get("tokenExpiresAt").isTextual());
        assertEquals("grace@example.org", api.get("/api/auth/me", out.get("token").asText()).get("email"));
    }
}
