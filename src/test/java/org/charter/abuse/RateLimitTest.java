package org.charter.abuse;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.charter.testing.Api;
import org.charter.testing.DatabaseTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rate limits over a real socket, with small budgets and a clock the test turns by hand (so nothing depends on
 * how fast the machine is). Charter trusts one proxy here, so each test speaks from addresses of its own through
 * {@code X-Forwarded-For} and the per-address budgets of one test do not touch another's.
 */
@MicronautTest(transactional = false)
class RateLimitTest extends DatabaseTest {

    private static final String SLUG = "limits";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ManualClock clock;

    private Api api;
    private String organizer;
    private List<Long> statements;

    @Override
    protected Map<String, String> extraProperties() {
        String b = "charter.abuse.rate-limit.budgets.";
        return Map.ofEntries(
                Map.entry("charter.test.manual-clock", "true"),
                Map.entry("charter.abuse.rate-limit.trusted-proxies", "1"),
                Map.entry(b + "votes-per-participant.burst", "3"),
                Map.entry(b + "votes-per-participant.refill-every", "10s"),
                Map.entry(b + "votes-per-address.burst", "5"),
                Map.entry(b + "votes-per-address.refill-every", "1h"),
                Map.entry(b + "statements-per-participant.burst", "2"),
                Map.entry(b + "statements-per-participant.refill-every", "1h"),
                Map.entry(b + "statements-per-address.burst", "3"),
                Map.entry(b + "statements-per-address.refill-every", "1h"),
                Map.entry(b + "joins-per-address.burst", "3"),
                Map.entry(b + "joins-per-address.refill-every", "90s"));
    }

    private void advance(Duration d) {
        clock.advance(d);
    }

    @BeforeAll
    void conversation() {
        api = new Api(client);
        organizer = api.newOrganizer();
        api.post("/api/conversations", Map.of("slug", SLUG, "topic", "Limits",
                "seedStatements", List.of("One.", "Two.", "Three.", "Four.", "Five.", "Six.", "Seven.", "Eight.")), organizer);
        statements = new ArrayList<>();
        for (Object card : api.getList("/api/conversations/" + SLUG + "/statements", null)) {
            statements.add(((Number) ((Map<?, ?>) card).get("id")).longValue());
        }
    }

    private static <T> MutableHttpRequest<T> from(String address, MutableHttpRequest<T> request) {
        // a client-written entry first, then the one the (trusted) proxy appended: only the proxy's counts
        return request.header("X-Forwarded-For", "198.51.100.250, " + address);
    }

    private String join(String address) {
        Map<?, ?> session = client.toBlocking().retrieve(from(address,
                HttpRequest.POST("/api/conversations/" + SLUG + "/participants", Map.of())), Map.class);
        return (String) session.get("token");
    }

    private MutableHttpRequest<?> vote(String address, String token, int statement) {
        return from(address, HttpRequest.POST("/api/conversations/" + SLUG + "/votes?next=false",
                Map.of("statementId", statements.get(statement), "vote", "agree")).header("X-Participant-Token", token));
    }

    private MutableHttpRequest<?> statement(String address, String token, String text) {
        return from(address, HttpRequest.POST("/api/conversations/" + SLUG + "/statements", Map.of("text", text))
                .header("X-Participant-Token", token));
    }

    private HttpStatus status(MutableHttpRequest<?> request) {
        try {
            return client.toBlocking().exchange(request, String.class).getStatus();
        } catch (HttpClientResponseException e) {
            return e.getStatus();
        }
    }

    /** Expects 429 with a problem document; answers the Retry-After header. */
    private long tooMany(MutableHttpRequest<?> request) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(request, String.class));
        assertEquals(HttpStatus.TOO_MANY_REQUESTS, e.getStatus());
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
        Map<?, ?> body = e.getResponse().getBody(Map.class).orElseThrow();
        assertEquals(429, body.get("status"));
        assertEquals("Too many requests", body.get("title"));
        assertTrue(((String) body.get("detail")).startsWith("too many "), () -> "detail: " + body.get("detail"));
        return Long.parseLong(e.getResponse().getHeaders().get(HttpHeaders.RETRY_AFTER));
    }

    private long storedVotes(String token) throws Exception {
        try (var c = jdbc(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM vote v JOIN participant p ON p.id = v.participant_id WHERE p.token_hash = ?")) {
            s.setBytes(1, org.charter.security.SecretTokens.hash(token));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void aParticipantOverTheVoteBudgetWaitsAndOthersDoNot() throws Exception {
        String a = join("203.0.113.10");
        String b = join("203.0.113.11");
        for (int i = 0; i < 3; i++) {
            assertEquals(HttpStatus.OK, status(vote("203.0.113.10", a, i)), "within the burst");
        }
        assertEquals(10, tooMany(vote("203.0.113.10", a, 3)), "one vote refills every 10 s");
        assertEquals(3, storedVotes(a), "the refused vote was not stored");
        assertEquals(HttpStatus.OK, status(vote("203.0.113.11", b, 0)), "another participant is not affected");

        advance(Duration.ofSeconds(4));
        assertEquals(6, tooMany(vote("203.0.113.10", a, 3)), "Retry-After counts down in whole seconds");
        advance(Duration.ofSeconds(6));
        assertEquals(HttpStatus.OK, status(vote("203.0.113.10", a, 3)), "refilled after Retry-After");
        assertEquals(10, tooMany(vote("203.0.113.10", a, 4)), "one token came back, not the burst");
        advance(Duration.ofSeconds(30));
        for (int i = 4; i < 7; i++) {
            // from another address (its own budget): the participant's budget follows the token
            assertEquals(HttpStatus.OK, status(vote("203.0.113.12", a, i)), "a full burst again after a long pause");
        }
        assertEquals(7, storedVotes(a));
    }

    @Test
    void votesFromOneAddressShareABudgetWhateverTheirTokens() {
        String a = join("203.0.113.20");
        String b = join("203.0.113.20");
        String c = join("203.0.113.21");
        for (int i = 0; i < 3; i++) {
            assertEquals(HttpStatus.OK, status(vote("203.0.113.20", a, i)));
        }
        assertEquals(HttpStatus.OK, status(vote("203.0.113.20", b, 0)));
        assertEquals(HttpStatus.OK, status(vote("203.0.113.20", b, 1)));
        assertEquals(3600, tooMany(vote("203.0.113.20", b, 2)), "the address's five votes are used, though b has one left");
        assertEquals(HttpStatus.OK, status(vote("203.0.113.21", c, 0)), "another address is not affected");
        // the same participant from another address has its own participant budget still
        assertEquals(HttpStatus.OK, status(vote("203.0.113.22", b, 2)));
    }

    @Test
    void statementsHaveTheirOwnBudgetPerParticipantAndAddress() {
        String a = join("203.0.113.30");
        assertEquals(HttpStatus.CREATED, status(statement("203.0.113.30", a, "Limits should be documented.")));
        assertEquals(HttpStatus.CREATED, status(statement("203.0.113.30", a, "Limits should be generous.")));
        assertEquals(3600, tooMany(statement("203.0.113.30", a, "Limits should be lifted.")));
        assertEquals(HttpStatus.OK, status(vote("203.0.113.30", a, 0)), "votes are a separate budget");
        assertEquals(0, api.getList("/api/conversations/" + SLUG + "/statements", null).stream()
                .filter(s -> "Limits should be lifted.".equals(((Map<?, ?>) s).get("text"))).count(), "nothing was stored");

        String b = join("203.0.113.30");
        assertEquals(HttpStatus.CREATED, status(statement("203.0.113.30", b, "A third statement from the address.")));
        assertEquals(3600, tooMany(statement("203.0.113.30", b, "A fourth statement from the address.")),
                "the address's three statements are used");
        // organizers' seed statements count against the address only
        assertEquals(HttpStatus.CREATED, status(from("203.0.113.31", HttpRequest.POST("/api/conversations/" + SLUG
                + "/statements", Map.of("text", "A seed added later.")).bearerAuth(organizer))));
    }

    @Test
    void joiningIsLimitedPerAddressSoTokensCannotBeFarmed() {
        for (int i = 0; i < 3; i++) {
            join("203.0.113.40");
        }
        MutableHttpRequest<?> fourth = from("203.0.113.40", HttpRequest.POST("/api/conversations/" + SLUG + "/participants", Map.of()));
        assertEquals(90, tooMany(fourth));
        assertTrue(join("203.0.113.41") != null, "another address joins");
        // IPv6 clients are one key per /64: another address in the same network shares the budget
        for (int i = 0; i < 3; i++) {
            join("2001:db8:1:2::" + (i + 1));
        }
        assertEquals(90, tooMany(from("[2001:db8:1:2:ffff::9]:4711",
                HttpRequest.POST("/api/conversations/" + SLUG + "/participants", Map.of()))));
        assertTrue(join("2001:db8:1:3::1") != null, "another /64 joins");
    }

    @Test
    void theAddressIsTheOneTheTrustedProxyAppendedNotWhatTheClientWrote() {
        for (int i = 0; i < 3; i++) {
            join("203.0.113.50");
        }
        // a client that writes a fresh address of its own each time gains nothing: the proxy's entry is the last one
        for (int i = 0; i < 3; i++) {
            MutableHttpRequest<?> forged = HttpRequest.POST("/api/conversations/" + SLUG + "/participants", Map.of())
                    .header("X-Forwarded-For", "192.0.2." + i + ", 203.0.113.50");
            assertEquals(HttpStatus.TOO_MANY_REQUESTS, status(forged));
        }
    }
}
