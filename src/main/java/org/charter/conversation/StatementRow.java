package org.charter.conversation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A statement as stored; {@code status} is pending, accepted or rejected (Polis: 0, 1, −1). */
@MappedEntity("statement")
record StatementRow(
        @Id @GeneratedValue @Nullable Long id,
        long conversationId,
        @Nullable String externalId,
        String text,
        String textKey,
        @Nullable Long authorId,
        boolean isSeed,
        boolean isMeta,
        String status,
        Instant createdAt,
        @Nullable Instant moderatedAt) {
}
