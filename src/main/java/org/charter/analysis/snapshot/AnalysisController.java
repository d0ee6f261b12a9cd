package org.charter.analysis.snapshot;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
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
import org.charter.conversation.ConversationService;
import org.charter.conversation.ParticipationService;
import org.charter.problem.Problem;
import org.charter.security.CurrentOrganizer;

/** The opinion analysis of a conversation: groups, map, representative and consensus statements. */
@Controller("/api/conversations/{conversation}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Analysis")
class AnalysisController {

    private final ConversationService conversations;
    private final ParticipationService participation;
    private final AnalysisService analyses;

    AnalysisController(ConversationService conversations, ParticipationService participation, AnalysisService analyses) {
        this.conversations = conversations;
        this.participation = participation;
        this.analyses = analyses;
    }

    @Operation(summary = "The latest stored analysis (public, like a Polis report); result is null until the first run")
    @Get("/analysis")
    @Secured(SecurityRule.IS_ANONYMOUS)
    SnapshotView latest(@PathVariable String conversation) {
        return analyses.latest(conversations.idOf(conversation));
    }

    @Operation(summary = "Run the analysis now and answer the new snapshot")
    @Post("/analysis/recompute")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    SnapshotView recompute(@PathVariable String conversation, Authentication auth) {
        return analyses.recompute(conversations.managedIdOf(conversation, CurrentOrganizer.id(auth)));
    }

    @Operation(summary = "The analysis with participants grouped by their answer to a metadata question (?by=country)")
    @Get("/analysis/breakdown{?by}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    Breakdown breakdown(@PathVariable String conversation, @Nullable @QueryValue String by, Authentication auth) {
        if (by == null || by.isBlank()) {
            throw Problem.invalid("by", "name the metadata question to group by, e.g. ?by=country");
        }
        return analyses.breakdown(conversations.managedIdOf(conversation, CurrentOrganizer.id(auth)), by);
    }

    @Operation(summary = "Where the participant stands: their group and point on the opinion map")
    @Get("/me")
    @Secured(SecurityRule.IS_ANONYMOUS)
    ParticipantPlace me(@PathVariable String conversation, @Nullable @Header("X-Participant-Token") String token) {
        long participant = participation.participant(conversation, token);
        return analyses.place(conversations.idOf(conversation), participant, participation.voted(participant));
    }
}
