package org.charter.conversation;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.charter.security.CurrentOrganizer;

import java.net.URI;
import java.util.List;

/** Organizers create, change, close and reopen conversations; anyone reads a conversation's public view. */
@Controller("/api/conversations")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Conversations")
class ConversationController {

    private final ConversationService conversations;

    ConversationController(ConversationService conversations) {
        this.conversations = conversations;
    }

    @Introspected
    record Invitation(@NotBlank String email) {
    }

    @Operation(summary = "Create a conversation with its settings and seed statements")
    @Post
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<ConversationView> create(@Body @Valid ConversationSettings settings, Authentication auth) {
        ConversationView created = conversations.create(CurrentOrganizer.id(auth), settings);
        return HttpResponse.created(created, URI.create("/api/conversations/" + created.slug()));
    }

    @Operation(summary = "Conversations the signed-in organizer owns or co-organizes, with live counts")
    @Get
    @Secured(SecurityRule.IS_AUTHENTICATED)
    List<ConversationView> list(Authentication auth) {
        return conversations.list(CurrentOrganizer.id(auth));
    }

    @Operation(summary = "A conversation's public view (by id or name)")
    @Get("/{conversation}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    ConversationView get(@PathVariable String conversation) {
        return conversations.publicView(conversation);
    }

    @Operation(summary = "The organizer's view of a conversation: settings and live counts")
    @Get("/{conversation}/manage")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    ConversationView manage(@PathVariable String conversation, Authentication auth) {
        return conversations.organizerView(conversation, CurrentOrganizer.id(auth));
    }

    @Operation(summary = "Live counts: participants, voters, statements by state, votes, last activity")
    @Get("/{conversation}/counts")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    ConversationCounts counts(@PathVariable String conversation, Authentication auth) {
        return conversations.counts(conversation, CurrentOrganizer.id(auth));
    }

    @Operation(summary = "Change settings; absent fields stay as they are")
    @Patch("/{conversation}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    ConversationView update(@PathVariable String conversation, @Body @Valid ConversationSettings settings, Authentication auth) {
        return conversations.update(conversation, CurrentOrganizer.id(auth), settings);
    }

    @Operation(summary = "Close: no more votes or statements")
    @Post("/{conversation}/close")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    ConversationView close(@PathVariable String conversation, Authentication auth) {
        return conversations.close(conversation, CurrentOrganizer.id(auth));
    }

    @Operation(summary = "Reopen a closed conversation")
    @Post("/{conversation}/reopen")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    ConversationView reopen(@PathVariable String conversation, Authentication auth) {
        return conversations.reopen(conversation, CurrentOrganizer.id(auth));
    }

    @Operation(summary = "Invite another organizer (by their account email) to co-organize (owner only);"
            + " answers who organizes it now")
    @Post("/{conversation}/organizers")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    List<CoOrganizer> invite(@PathVariable String conversation, @Body @Valid Invitation invitation, Authentication auth) {
        return conversations.addOrganizer(conversation, CurrentOrganizer.id(auth), invitation.email());
    }

    @Operation(summary = "Who organizes the conversation: the owner, then the co-organizers")
    @Get("/{conversation}/organizers")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    List<CoOrganizer> organizers(@PathVariable String conversation, Authentication auth) {
        return conversations.organizers(conversation, CurrentOrganizer.id(auth));
    }

    @Operation(summary = "Remove a co-organizer (owner), or leave as a co-organizer (your own id)")
    @Delete("/{conversation}/organizers/{organizerId}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<Void> removeOrganizer(@PathVariable String conversation, @PathVariable long organizerId, Authentication auth) {
        conversations.removeOrganizer(conversation, CurrentOrganizer.id(auth), organizerId);
        return HttpResponse.noContent();
    }
}
