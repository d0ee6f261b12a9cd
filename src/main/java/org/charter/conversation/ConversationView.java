package org.charter.conversation;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * A conversation as participants see it; organizers also get {@code counts} and {@code xidSecret}
 * (null in the public view).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConversationView(
        long id,
        String slug,
        String topic,
        String description,
        boolean participantsCanWrite,
        Moderation moderation,
        int statementMaxLength,
        Identity identity,
        Instant closesAt,
        Instant closedAt,
        boolean open,
        List<MetadataQuestion> metadataQuestions,
        Instant createdAt,
        String xidSecret,
        ConversationCounts counts) {
}
