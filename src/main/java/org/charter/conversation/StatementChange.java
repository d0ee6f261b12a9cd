package org.charter.conversation;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

/** A moderation action on a statement: approve, reject (remove), back to pending, mark meta. */
@Introspected
public record StatementChange(@Nullable StatementStatus status, @Nullable Boolean meta) {
}
