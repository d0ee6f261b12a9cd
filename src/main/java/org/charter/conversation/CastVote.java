package org.charter.conversation;

import io.micronaut.core.annotation.Introspected;
import jakarta.validation.constraints.NotNull;

/** A participant's vote: {@code vote} is agree, disagree or pass (or 1, −1, 0; agree = +1). */
@Introspected
public record CastVote(@NotNull Long statementId, @NotNull String vote) {
}
