package org.charter.conversation;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.charter.testing.Api;
import org.charter.testing.DatabaseTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.charter.testing.Api.auth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of bad input to the conversation endpoints answers 4xx with a problem document naming what is wrong. */
@MicronautTest(transactional = false)
class ConversationValidationTest extends DatabaseTest {

    @Inject
    @Client("/")
    HttpClient client;

    Api api;
    String organizer;
    String participant;
    long statement;

    @BeforeAll
    void conversation() {
        api = new Api(client);
        organizer = api.newOrganizer();
        api.post("/api/conversations", Map.of("slug", "rules", "topic", "Rules", "statementMaxLength", 40,
                "seedStatements", List.of("The AI should be kind.")), organizer);
        participant = api.join("rules");
        statement = ((Number) ((Map<?, ?>) api.next("rules", participant).get("statement")).get("id")).longValue();
    }

    @Test
    void unknownConversationOrStatementIs404() {
        assertEquals("conversation", api.problem(HttpStatus.NOT_FOUND, HttpRequest.GET("/api/conversations/nope")).get("where"));
        api.problem(HttpStatus.NOT_FOUND, HttpRequest.GET("/api/conversations/987654"));
        api.problem(HttpStatus.NOT_FOUND, HttpRequest.POST("/api/conversations/nope/participants", Map.of()));
        Map<?, ?> p = api.problem(HttpStatus.NOT_FOUND, HttpRequest.POST("/api/conversations/rules/votes",
                Map.of("statementId", 999999, "vote", "agree")).header("X-Participant-Token", participant));
        assertEquals("statementId", p.get("where"));
    }

    @Test
    void badVotesAre400NamingTheField() {
        Map<?, ?> p = api.problem(HttpStatus.BAD_REQUEST, HttpRequest.POST("/api/conversations/rules/votes",
                Map.of("statementId", statement, "vote", "maybe")).header("X-Participant-Token", participant));
        assertEquals("vote", p.get("where"));
        assertTrue(((String) p.get("detail")).contains("agree, disagree or pass"));
        p = api.problem(HttpStatus.BAD_REQUEST, HttpRequest.POST("/api/conversations/rules/votes",
                Map.of("statementId", statement, "vote", 2)).header("X-Participant-Token", participant));
        assertEquals("vote", p.get("where"));
        p = api.problem(HttpStatus.BAD_REQUEST, HttpRequest.POST("/api/conversations/rules/votes",
                Map.of("vote", "agree")).header("X-Participant-Token", participant));
        assertEquals("statementId", p.get("where"));
        api.problem(HttpStatus.BAD_REQUEST, HttpRequest.POST("/api/conversations/rules/votes",
                Map.of("statementId", "abc", "vote", "agree")).header("X-Participant-Token", participant));
        api.problem(HttpStatus.BAD_REQUEST, HttpRequest.POST("/api/conversations/rules/votes", "{\"statementId\": 1, \"vote\":")
                .contentType(MediaType.APPLICATION_JSON).header("X-Participant-Token", participant));
    }

    @Test
    void statementsAreRefusedWhenEmptyTooLongOrDuplicate() {
        Map<?, ?> p = api.problem(HttpStatus.BAD_REQUEST, HttpRequest.POST("/api/conversations/rules/statements",
                Map.of("text", "x".repeat(41))).header("X-Participant-Token", participant));
        assertEquals("text", p.get("where"));
        assertTrue(((String) p.get("detail")).contains("at most 40 characters"));
        p = api.problem(HttpStatus.BAD_REQUEST, HttpRequest.POST("/api/conversations/rules/statements",
                Map.of("text", "   ")).header("X-Participant-Token", participant));
        assertEquals("text", p.get("where"));
        p = api.problem(HttpStatus.CONFLICT, HttpRequest.POST("/api/conversations/rules/statements",
                Map.of("text", "the AI should be  KIND")).header("X-Participant-Token", participant));
        assertTrue(((String) p.get("detail")).contains("already exists"));
    }

    @Test
    void participantTokensAreCheckedPerConversation() {
        api.problem(HttpStatus.UNAUTHORIZED, HttpRequest.GET("/api/conversations/rules/next"));
        api.problem(HttpStatus.UNAUTHORIZED, HttpRequest.GET("/api/conversations/rules/next").header("X-Participant-Token", "forged"));
        api.post("/api/conversations", Map.of("slug", "other", "topic", "Other"), organizer);
        String elsewhere = api.join("other");
        api.problem(HttpStatus.UNAUTHORIZED, HttpRequest.POST("/api/conversations/rules/votes",
                Map.of("statementId", statement, "vote", "agree")).header("X-Participant-Token", elsewhere));
    }

    @Test
    void organizerEndpointsNeedTheRightOrganizer() {
        String stranger = api.newOrganizer();
        api.problem(HttpStatus.UNAUTHORIZED, HttpRequest.GET("/api/conversations/rules/counts"));
        api.problem(HttpStatus.UNAUTHORIZED, HttpRequest.POST("/api/conversations", Map.of("topic", "x")));
        api.problem(HttpStatus.FORBIDDEN, auth(HttpRequest.GET("/api/conversations/rules/counts"), stranger));
        api.problem(HttpStatus.FORBIDDEN, auth(HttpRequest.PATCH("/api/conversations/rules/statements/" + statement,
                Map.of("status", "rejected")), stranger));
        api.problem(HttpStatus.FORBIDDEN, auth(HttpRequest.POST("/api/conversations/rules/close", Map.of()), stranger));
        api.problem(HttpStatus.UNAUTHORIZED, HttpRequest.POST("/api/conversations/rules/statements", Map.of("text", "Seed?")));
        api.problem(HttpStatus.UNAUTHORIZED, HttpRequest.GET("/api/conversations").bearerAuth("not-a-token"));
    }

    @Test
    void conversationSettingsAreValidated() {
        assertEquals("topic", api.problem(HttpStatus.BAD_REQUEST, auth(HttpRequest.POST("/api/conversations",
                Map.of("slug", "no-topic")), organizer)).get("where"));
        assertEquals("slug", api.problem(HttpStatus.BAD_REQUEST, auth(HttpRequest.POST("/api/conversations",
                Map.of("slug", "Bad Slug!", "topic", "t")), organizer)).get("where"));
        assertEquals("slug", api.problem(HttpStatus.BAD_REQUEST, auth(HttpRequest.POST("/api/conversations",
                Map.of("slug", "12345", "topic", "t")), organizer)).get("where"));
        api.problem(HttpStatus.CONFLICT, auth(HttpRequest.POST("/api/conversations", Map.of("slug", "rules", "topic", "t")), organizer));
        api.problem(HttpStatus.BAD_REQUEST, auth(HttpRequest.POST("/api/conversations",
                Map.of("topic", "t", "moderation", "sometimes")), organizer));
        assertEquals("statementMaxLength", api.problem(HttpStatus.BAD_REQUEST, auth(HttpRequest.POST("/api/conversations",
                Map.of("topic", "t", "statementMaxLength", 5)), organizer)).get("where"));
        assertEquals("seedStatements[1]", api.problem(HttpStatus.BAD_REQUEST, auth(HttpRequest.POST("/api/conversations",
                Map.of("topic", "t", "seedStatements", List.of("fine", ""))), organizer)).get("where"));
        // nothing of the refused conversation was stored
        assertTrue(api.getList("/api/conversations", organizer).stream().noneMatch(c -> "t".equals(((Map<?, ?>) c).get("topic"))));
    }

    @Test
    void closedConversationsRefuseVotesAndStatementsWith409() {
        api.post("/api/conversations", Map.of("slug", "closing", "topic", "Closing", "seedStatements", List.of("A.", "B.")), organizer);
        String p = api.join("closing");
        long id = ((Number) ((Map<?, ?>) api.next("closing", p).get("statement")).get("id")).longValue();
        api.post("/api/conversations/closing/close", Map.of(), organizer);
        assertEquals("conversation", api.problem(HttpStatus.CONFLICT, HttpRequest.POST("/api/conversations/closing/votes",
                Map.of("statementId", id, "vote", "agree")).header("X-Participant-Token", p)).get("where"));
        api.problem(HttpStatus.CONFLICT, HttpRequest.POST("/api/conversations/closing/statements",
                Map.of("text", "Late idea")).header("X-Participant-Token", p));
        api.post("/api/conversations/closing/reopen", Map.of(), organizer);
        assertEquals(1, ((Number) api.vote("closing", p, id, "agree").get("vote")).intValue());
    }

    @Test
    void xidConversationsMapSignedExternalIdsToOneParticipant() {
        String secret = "a-long-enough-shared-secret";
        api.post("/api/conversations", Map.of("slug", "embedded", "topic", "Embedded", "identity", "xid", "xidSecret", secret), organizer);
        assertEquals("xid", api.problem(HttpStatus.FORBIDDEN, HttpRequest.POST("/api/conversations/embedded/participants", Map.of())).get("where"));
        api.problem(HttpStatus.FORBIDDEN, HttpRequest.POST("/api/conversations/embedded/participants",
                Map.of("xid", "user-42", "signature", "00ff")));
        String signature = ParticipationService.signature(secret, "user-42");
        Map<?, ?> first = api.post("/api/conversations/embedded/participants", Map.of("xid", "user-42", "signature", signature), null);
        Map<?, ?> again = api.post("/api/conversations/embedded/participants", Map.of("xid", "user-42", "signature", signature), null);
        assertEquals(first.get("participantId"), again.get("participantId"));
        assertEquals("xid", api.problem(HttpStatus.BAD_REQUEST, HttpRequest.POST("/api/conversations/rules/participants",
                Map.of("xid", "user-42"))).get("where"));
    }
}
