package org.charter.cli;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import org.charter.database.ConnectionInfo;
import org.charter.database.DatabaseSettings;
import org.charter.security.OrganizerService;
import org.charter.security.UnsafeSettingsException;
import org.charter.testing.CharterProcess;
import org.charter.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Production mode as an operator meets it: started with development defaults, Charter stops at once with one line
 * (and starts no database); given a real database and its password, it starts, with registration closed and the
 * session cookie Secure.
 */
class ProductionStartTest {

    @TempDir
    Path tmp;

    @Test
    void withDevelopmentDefaultsTheServerRefusesToStartInOneLineAndTouchesNothing() throws Exception {
        Path data = tmp.resolve("charter-data");
        CharterProcess.Run run = CharterProcess.run(List.of("serve", "--port", "0"),
                Map.of("CHARTER_MODE", "production", "CHARTER_DATA_DIR", data.toString()), null);
        assertEquals(1, run.exit(), run.stderr());
        List<String> lines = run.stderr().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), run.stderr());
        assertTrue(lines.getFirst().startsWith("charter: refusing to start in production mode (CHARTER_MODE=production):"
                + " CHARTER_DB_URL is not set"), lines.getFirst());
        assertFalse(Files.exists(data), "no embedded database was started");
    }

    @Test
    void withARealDatabaseAndItsPasswordItStartsWithRegistrationClosedAndSecureCookies() throws Exception {
        ConnectionInfo db = TestDatabases.freshDatabase();
        // The embedded test server trusts local connections, so any password connects; an external one needs its own.
        String password = db.password().length() >= 12 ? db.password() : "a-password-from-the-vault";
        DatabaseSettings settings = new DatabaseSettings(Optional.of(db.url()), db.user(), password, tmp);

        // The test profile's cheap bcrypt cost (4) is itself refused in production.
        UnsafeSettingsException cheap = assertThrows(UnsafeSettingsException.class,
                () -> ServiceContext.open(Map.of("charter.mode", "production"), settings));
        assertTrue(cheap.getMessage().contains("bcrypt-cost is 4"), cheap.getMessage());

        try (ServiceContext services = ServiceContext.open(Map.of("charter.mode", "production",
                "charter.security.bcrypt-cost", 10, "micronaut.server.port", -1), settings)) {
            services.bean(OrganizerService.class).create("ops@example.org", "Ops", "correct horse battery staple");
            EmbeddedServer server = services.bean(EmbeddedServer.class);
            server.start();
            try (HttpClient http = HttpClient.create(server.getURL())) {
                assertEquals(200, http.toBlocking().exchange(HttpRequest.GET("/health"), String.class).code());
                HttpClientResponseException closed = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                        .exchange(HttpRequest.POST("/api/auth/register", Map.of("email", "someone@example.org",
                                "name", "Someone", "password", "correct horse battery")), String.class));
                assertEquals(HttpStatus.FORBIDDEN, closed.getStatus());
                HttpResponse<String> login = http.toBlocking().exchange(HttpRequest.POST("/api/auth/login",
                        Map.of("email", "ops@example.org", "password", "correct horse battery staple")), String.class);
                String cookie = login.getHeaders().get("Set-Cookie");
                String flags = cookie.toLowerCase(java.util.Locale.ROOT);
                assertTrue(cookie.startsWith("charter_session=") && flags.contains("; secure") && flags.contains("; httponly"), cookie);
            } finally {
                server.stop();
            }
        }
    }
}
