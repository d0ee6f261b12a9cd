package org.charter.opinions.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A stored survey dataset (table survey_dataset) with the counts its summary shows. */
@MappedEntity("survey_dataset")
public record SurveyDatasetRow(@Id @GeneratedValue @Nullable Long id, String name, String fileName,
                               @Nullable Long ownerId, int rowCount,
                               int questionCount, int countryCount, int distributionCount, int ordinalCount,
                               @DateCreated @Nullable Instant createdAt) {
}
