package org.charter.opinions.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A stored model answer set of one dataset (table answer_set). */
@MappedEntity("answer_set")
public record AnswerSetRow(@Id @GeneratedValue @Nullable Long id, long datasetId, String name, String fileName,
                           @Nullable Long ownerId,
                           int questionCount, @DateCreated @Nullable Instant createdAt) {
}
