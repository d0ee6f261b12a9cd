package org.charter.conversation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;

/** A conversation as stored. {@code moderation} is "post" (visible at once) or "pre" (held until approved). */
@MappedEntity("conversation")
record ConversationRow(
        @Id @GeneratedValue @Nullable Long id,
        String slug,
        String topic,
        String description,
        @Nullable Long ownerId,
        boolean participantsCanWrite,
        String moderation,
        int statementMaxLength,
        String identity,
        @Nullable String xidSecret,
        @Nullable Instant closesAt,
        @Nullable Instant closedAt,
        @TypeDef(type = DataType.JSON) @Nullable String source,
        Instant createdAt,
        Instant updatedAt) {

    boolean isClosed(Instant now) {
        return closedAt != null || (closesAt != null && !closesAt.isAfter(now));
    }

    boolean preModerated() {
        return "pre".equals(moderation);
    }
}
