package org.charter.conversation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.charter.problem.Problem;
import org.charter.security.CurrentOrganizer;

import java.net.URI;
import java.util.List;

/**
 * Statements: participants submit them (with their token), organizers add seeds and moderate; anyone lists
 * the statements open for voting.
 */
@Controller("/api/conversations/{conversation}/statements")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Statements")
class StatementController {

    static final String PARTICIPANT_TOKEN = "X-Participant-Token";

    private final ConversationService conversations;
    private final StatementService statements;
    private final ParticipationService participation;

    StatementController(ConversationService conversations, StatementService statements, ParticipationService participation) {
        this.conversations = conversations;
        this.statements = statements;
        this.participation = participation;
    }

    @Operation(summary = "Submit a statement: a participant's (X-Participant-Token) or an organizer's seed (signed in)")
    @Post
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> add(@PathVariable String conversation, @Body @Valid NewStatement statement,
                        @Nullable @Header(PARTICIPANT_TOKEN) String token, @Nullable Authentication auth) {
        if (token != null) {
            StatementCard card = participation.submit(conversation, token, statement);
            return HttpResponse.created(card, URI.create("/api/conversations/" + conversation + "/statements/" + card.id()));
        }
        if (auth == null) {
            throw Problem.of(Problem.Kind.UNAUTHORIZED, PARTICIPANT_TOKEN,
                    "send your participant token, or sign in as an organizer to add a seed statement");
        }
        ConversationRow managed = conversations.managed(conversation, CurrentOrganizer.id(auth));
        StatementRow row = statements.addSeed(managed, statement.text(), Boolean.TRUE.equals(statement.meta()), "text");
        return HttpResponse.created(new StatementCard(row.id(), row.text(), row.isMeta()),
                URI.create("/api/conversations/" + managed.slug() + "/statements/" + row.id()));
    }

    @Operation(summary = "Statements open for voting (public)")
    @Get
    @Secured(SecurityRule.IS_ANONYMOUS)
    List<StatementCard> visible(@PathVariable String conversation) {
        return statements.visible(conversations.resolve(conversation));
    }

    @Operation(summary = "Every statement with its moderation state and votes (the moderation queue with ?status=pending)")
    @Get("/all{?status}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    List<StatementView> all(@PathVariable String conversation, @Nullable @QueryValue StatementStatus status, Authentication auth) {
        return statements.list(conversations.managed(conversation, CurrentOrganizer.id(auth)), status);
    }

    @Operation(summary = "Moderate: accept, reject (remove; its votes are kept), back to pending, mark meta")
    @Patch("/{statementId}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    StatementView moderate(@PathVariable String conversation, @PathVariable long statementId,
                           @Body @Valid StatementChange change, Authentication auth) {
        return statements.moderate(conversations.managed(conversation, CurrentOrganizer.id(auth)), statementId, change);
    }
}
