package org.charter.conversation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.charter.http.QueryFlag;

import java.util.Map;

/** The participant's side: join, next statement, vote, metadata answers. Identity is the X-Participant-Token header. */
@Controller("/api/conversations/{conversation}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Participation")
class ParticipationController {

    private final ConversationService conversations;
    private final ParticipationService participation;

    ParticipationController(ConversationService conversations, ParticipationService participation) {
        this.conversations = conversations;
        this.participation = participation;
    }

    @Operation(summary = "Join: get a participant token (anonymous, or for the organizer's xid)")
    @Post("/participants")
    HttpResponse<ParticipantSession> join(@PathVariable String conversation, @Nullable @Body @Valid JoinRequest request) {
        return HttpResponse.created(participation.join(conversations.resolve(conversation), request));
    }

    @Operation(summary = "The next statement to vote on (null when none is left)")
    @Get("/next")
    NextStatement next(@PathVariable String conversation,
                       @Nullable @Header(StatementController.PARTICIPANT_TOKEN) String token) {
        return participation.next(conversation, token);
    }

    @Operation(summary = "Vote agree / disagree / pass (a new vote replaces the previous one; history is kept)."
            + " The receipt carries the next statement unless ?next=false")
    @Post("/votes{?next}")
    VoteReceipt vote(@PathVariable String conversation, @Body @Valid CastVote vote,
                     @Nullable @Header(StatementController.PARTICIPANT_TOKEN) String token,
                     @Nullable @QueryValue String next) {
        return participation.vote(conversation, token, vote, QueryFlag.parse("next", next, true));
    }

    @Operation(summary = "Answer the conversation's metadata questions ({\"country\": \"Japan\"})")
    @Put("/me/answers")
    HttpResponse<Void> answer(@PathVariable String conversation, @Body Map<String, String> answers,
                              @Nullable @Header(StatementController.PARTICIPANT_TOKEN) String token) {
        participation.answer(conversation, token, answers);
        return HttpResponse.noContent();
    }
}
