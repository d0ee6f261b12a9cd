package org.charter.conversation;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/** A statement with its moderation state and current vote counts (organizer view). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatementView(
        long id,
        String text,
        StatementStatus status,
        boolean seed,
        boolean meta,
        Long authorId,
        String externalId,
        Instant createdAt,
        Long agrees,
        Long disagrees,
        Long passes) {
}
