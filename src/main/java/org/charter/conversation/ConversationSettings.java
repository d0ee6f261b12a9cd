package org.charter.conversation;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/**
 * What an organizer sets when creating a conversation, or changes later (absent fields stay as they are).
 * {@code seedStatements} only applies at creation; add statements later through the statements endpoint.
 */
@Introspected
public record ConversationSettings(
        @Nullable @Pattern(regexp = ConversationSettings.SLUG, message = "must be 1-100 lower-case letters, digits, '.', '_' or '-', not only digits") String slug,
        @Nullable @Size(min = 1, max = 300) String topic,
        @Nullable @Size(max = 20_000) String description,
        @Nullable @Size(max = 1_000) List<String> seedStatements,
        @Nullable Boolean participantsCanWrite,
        @Nullable Moderation moderation,
        @Nullable @Min(10) @Max(2_000) Integer statementMaxLength,
        @Nullable Identity identity,
        @Nullable @Size(min = 16, max = 200) String xidSecret,
        @Nullable Instant closesAt,
        @Nullable @Size(max = 20) List<@Valid MetadataQuestion> metadataQuestions) {

    static final String SLUG = "^(?![0-9]+$)[a-z0-9][a-z0-9._-]{0,99}$";
}
