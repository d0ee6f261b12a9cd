package org.charter.conversation;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotNull;

/** A statement submitted by a participant, or added by an organizer (then it may be marked meta). */
@Introspected
public record NewStatement(@NotNull String text, @Nullable Boolean meta) {
}
