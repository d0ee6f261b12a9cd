package org.charter.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.charter.testing.Api;
import org.charter.testing.DatabaseTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.charter.security.AuthorizationSweepTest.hmac;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A participant is their token: it is random (256 bits), stored only as a hash, useless when made up or altered or
 * taken to another conversation, and it acts only as its own participant. In xid mode only a link signed with the
 * conversation's secret admits anyone, and the organizer switches between the modes.
 */
@MicronautTest(transactional = false)
class ParticipantIdentityTest extends DatabaseTest {

    @Inject
    @Client("/")
    HttpClient client;

    private Api api;
    private String organizer;
    private List<Long> statements;

    @BeforeAll
    void aConversation() {
        api = new Api(client);
        organizer = api.newOrganizer();
        api.post("/api/conversations", Map.of("slug", "open", "topic", "Open to all",
                "seedStatements", List.of("Trains should be free", "Roads should be narrower")), organizer);
        api.post("/api/conversations", Map.of("slug", "elsewhere", "topic", "Another one"), organizer);
        statements = api.getList("/api/conversations/open/statements", null).stream()
                .map(s -> ((Number) ((Map<?, ?>) s).get("id")).longValue()).toList();
    }

    @Test
    void tokensCarry256RandomBitsAndOnlyTheirHashIsStored() throws Exception {
        List<byte[]> tokens = new ArrayList<>();
        Set<String> distinct = new HashSet<>();
        try (Connection c = jdbc(); PreparedStatement hashOf = c.prepareStatement("SELECT token_hash FROM participant WHERE id = ?");
             PreparedStatement anywhere = c.prepareStatement("SELECT count(*) FROM participant p WHERE p::text LIKE ?")) {
            for (int i = 0; i < 64; i++) {
                Map<?, ?> session = api.post("/api/conversations/open/participants", Map.of(), null);
                String token = (String) session.get("token");
                assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
                byte[] bits = Base64.getUrlDecoder().decode(token);
                assertEquals(32, bits.length, "256 bits");
                tokens.add(bits);
                distinct.add(token);
                hashOf.setLong(1, ((Number) session.get("participantId")).longValue());
                try (ResultSet rs = hashOf.executeQuery()) {
                    assertTrue(rs.next());
                    assertArrayEquals(SecretTokens.hash(token), rs.getBytes(1), "the SHA-256 of the token is stored");
                }
                anywhere.setString(1, "%" + token + "%");
                try (ResultSet rs = anywhere.executeQuery()) {
                    rs.next();
                    assertEquals(0, rs.getInt(1), "the token itself is stored nowhere in the participant table");
                }
            }
        }
        assertEquals(64, distinct.size());
        // Every one of the 256 bit positions takes both values across 64 tokens (a fixed or counting part would not;
        // random bits fail this with probability 2^-55).
        for (int bit = 0; bit < 256; bit++) {
            int ones = 0;
            for (byte[] t : tokens) {
                ones += (t[bit / 8] >> (bit % 8)) & 1;
            }
            assertTrue(ones > 0 && ones < tokens.size(), "bit " + bit + " never changes");
        }
    }

    @Test
    void organizerTokensAreStoredOnlyAsHashesToo() throws Exception {
        String token = api.newOrganizer();
        try (Connection c = jdbc(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FILTER (WHERE token_hash = ?), count(*) FILTER (WHERE t::text LIKE ?) FROM organizer_token t")) {
            s.setBytes(1, SecretTokens.hash(token));
            s.setString(2, "%" + token + "%");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertEquals(1, rs.getInt(1));
                assertEquals(0, rs.getInt(2));
            }
        }
        assertEquals(32, Base64.getUrlDecoder().decode(token).length);
    }

    @Test
    void madeUpAlteredAndForeignTokensAreRefusedWith401() throws Exception {
        String token = api.join("open");
        char last = token.charAt(token.length() - 1);
        String altered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        String foreign = api.join("elsewhere");
        api.problem(HttpStatus.UNAUTHORIZED, HttpRequest.GET("/api/conversations/open/next"));
        int votesBefore = storedVotes();
        for (String bad : List.of(SecretTokens.newToken(), altered, foreign, "x")) {
            Map<?, ?> p = api.problem(HttpStatus.UNAUTHORIZED, HttpRequest.GET("/api/conversations/open/next")
                    .header("X-Participant-Token", bad));
            assertEquals("X-Participant-Token", p.get("where"));
            api.problem(HttpStatus.UNAUTHORIZED, HttpRequest.POST("/api/conversations/open/votes",
                    Map.of("statementId", statements.getFirst(), "vote", "agree")).header("X-Participant-Token", bad));
            api.problem(HttpStatus.UNAUTHORIZED, HttpRequest.POST("/api/conversations/open/statements",
                    Map.of("text", "Written with a bad token")).header("X-Participant-Token", bad));
            api.problem(HttpStatus.UNAUTHORIZED, HttpRequest.PUT("/api/conversations/open/me/answers", Map.of())
                    .header("X-Participant-Token", bad));
            api.problem(HttpStatus.UNAUTHORIZED, HttpRequest.GET("/api/conversations/open/me").header("X-Participant-Token", bad));
        }
        assertTrue(api.next("open", token).get("statement") instanceof Map, "the real token still works");
        assertEquals(votesBefore, storedVotes(), "no refused vote was stored");
    }

    private int storedVotes() throws Exception {
        try (var c = jdbc(); var s = c.createStatement(); var rs = s.executeQuery("SELECT count(*) FROM vote")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void aTokenActsOnlyAsItsOwnParticipant() throws Exception {
        Map<?, ?> a = api.post("/api/conversations/open/participants", Map.of(), null);
        Map<?, ?> b = api.post("/api/conversations/open/participants", Map.of(), null);
        long aId = ((Number) a.get("participantId")).longValue();
        long bId = ((Number) b.get("participantId")).longValue();
        assertNotEquals(aId, bId);
        // A vote names no participant: the token decides. Naming B in the body changes nothing.
        Map<?, ?> receipt = api.asParticipant(HttpRequest.POST("/api/conversations/open/votes?next=false",
                Map.of("statementId", statements.getFirst(), "vote", "agree", "participantId", bId)), (String) a.get("token"));
        assertEquals(1, ((Number) receipt.get("vote")).intValue());
        Map<?, ?> written = api.asParticipant(HttpRequest.POST("/api/conversations/open/statements",
                Map.of("text", "Written by A alone", "authorId", bId, "participantId", bId)), (String) a.get("token"));
        Map<?, ?> me = api.asParticipant(HttpRequest.GET("/api/conversations/open/me"), (String) a.get("token"));
        assertEquals(aId, ((Number) me.get("participantId")).longValue());
        try (Connection c = jdbc(); PreparedStatement s = c.prepareStatement(
                "SELECT (SELECT count(*) FROM current_vote WHERE participant_id = ? AND statement_id = ?),"
                        + " (SELECT count(*) FROM current_vote WHERE participant_id = ?), (SELECT author_id FROM statement WHERE id = ?)")) {
            s.setLong(1, aId);
            s.setLong(2, statements.getFirst());
            s.setLong(3, bId);
            s.setLong(4, ((Number) written.get("id")).longValue());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertEquals(1, rs.getInt(1), "A's vote is A's");
                assertEquals(0, rs.getInt(2), "B has not voted at all");
                assertEquals(aId, rs.getLong(3), "A wrote the statement");
            }
        }
    }

    @Test
    void xidConversationsAdmitOnlyCorrectlySignedLinks() throws Exception {
        String secret = "shared-with-the-organizers-site";
        api.post("/api/conversations", Map.of("slug", "members", "topic", "Members only", "identity", "xid", "xidSecret", secret), organizer);
        String join = "/api/conversations/members/participants";

        assertEquals("xid", api.problem(HttpStatus.FORBIDDEN, HttpRequest.POST(join, Map.of())).get("where"), "anonymous join");
        api.problem(HttpStatus.BAD_REQUEST, HttpRequest.POST(join, Map.of("xid", "")));
        assertEquals("signature", api.problem(HttpStatus.FORBIDDEN, HttpRequest.POST(join, Map.of("xid", "member-7"))).get("where"),
                "an unsigned link");
        api.problem(HttpStatus.FORBIDDEN, HttpRequest.POST(join, Map.of("xid", "member-7", "signature", hmac("another-secret-entirely", "member-7"))));
        api.problem(HttpStatus.FORBIDDEN, HttpRequest.POST(join, Map.of("xid", "member-7", "signature", hmac(secret, "member-8"))));
        api.problem(HttpStatus.FORBIDDEN, HttpRequest.POST(join, Map.of("xid", "member-7", "signature", "not hex at all")));

        Map<?, ?> first = api.post(join, Map.of("xid", "member-7", "signature", hmac(secret, "member-7")), null);
        assertNull(api.next("members", (String) first.get("token")).get("statement"),
                "the first token works until the next join (and is now remembered by the server)");
        Map<?, ?> again = api.post(join, Map.of("xid", "member-7", "signature", hmac(secret, "member-7").toUpperCase()), null);
        assertEquals(first.get("participantId"), again.get("participantId"), "one xid, one participant");
        api.problem(HttpStatus.UNAUTHORIZED, HttpRequest.GET("/api/conversations/members/next")
                .header("X-Participant-Token", (String) first.get("token")));
        assertNull(api.next("members", (String) again.get("token")).get("statement"), "the newest token works");
        try (Connection c = jdbc(); PreparedStatement s = c.prepareStatement("SELECT external_id FROM participant WHERE id = ?")) {
            s.setLong(1, ((Number) first.get("participantId")).longValue());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertEquals("member-7", rs.getString(1));
            }
        }
    }

    @Test
    void theOrganizerSwitchesIdentityModesAndXidModeAlwaysHasASecret() throws Exception {
        api.post("/api/conversations", Map.of("slug", "switching", "topic", "Switching"), organizer);
        String join = "/api/conversations/switching/participants";
        String anonymous = (String) api.post(join, Map.of(), null).get("token");

        Map<?, ?> toXid = api.patch("/api/conversations/switching", Map.of("identity", "xid"), organizer);
        assertEquals("xid", toXid.get("identity"));
        String minted = (String) toXid.get("xidSecret");
        assertTrue(minted != null && Base64.getUrlDecoder().decode(minted).length == 32,
                "xid mode without a secret gets a random one, shown to the organizer: " + minted);
        Map<?, ?> publicView = api.get("/api/conversations/switching", null);
        assertEquals("xid", publicView.get("identity"));
        assertFalse(publicView.containsKey("xidSecret"), "participants never see the secret");
        api.problem(HttpStatus.FORBIDDEN, HttpRequest.POST(join, Map.of()));
        api.problem(HttpStatus.FORBIDDEN, HttpRequest.POST(join, Map.of("xid", "someone")));
        assertTrue(api.post(join, Map.of("xid", "someone", "signature", hmac(minted, "someone")), null).get("token") instanceof String);

        Map<?, ?> ownSecret = api.patch("/api/conversations/switching", Map.of("xidSecret", "the-organizers-own-secret"), organizer);
        assertEquals("the-organizers-own-secret", ownSecret.get("xidSecret"));
        api.problem(HttpStatus.FORBIDDEN, HttpRequest.POST(join, Map.of("xid", "someone", "signature", hmac(minted, "someone"))));
        api.post(join, Map.of("xid", "someone", "signature", hmac("the-organizers-own-secret", "someone")), null);
        api.problem(HttpStatus.BAD_REQUEST, io.micronaut.http.HttpRequest.PATCH("/api/conversations/switching",
                Map.of("xidSecret", "short")).bearerAuth(organizer));

        Map<?, ?> back = api.patch("/api/conversations/switching", Map.of("identity", "anonymous"), organizer);
        assertEquals("anonymous", back.get("identity"));
        assertTrue(api.post(join, Map.of(), null).get("token") instanceof String, "anonymous joins work again");
        assertEquals("xid", api.problem(HttpStatus.BAD_REQUEST, HttpRequest.POST(join, Map.of("xid", "someone"))).get("where"));
        // Participants who joined anonymously before keep their token through the switches.
        assertTrue(api.next("switching", anonymous).containsKey("remaining"));
    }
}
