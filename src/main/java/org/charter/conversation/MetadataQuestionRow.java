package org.charter.conversation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

/** A question participants may answer about themselves; {@code options} null means free text. */
@MappedEntity("metadata_question")
record MetadataQuestionRow(
        @Id @GeneratedValue @Nullable Long id,
        long conversationId,
        int position,
        String key,
        String label,
        @TypeDef(type = DataType.STRING_ARRAY) @Nullable String[] options) {
}
