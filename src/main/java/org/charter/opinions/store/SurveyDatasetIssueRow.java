package org.charter.opinions.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A skipped row or a warning from a dataset upload (table survey_dataset_issue). */
@MappedEntity("survey_dataset_issue")
public record SurveyDatasetIssueRow(@Id @GeneratedValue @Nullable Long id, long datasetId, String kind, int position,
                                    int line, @Nullable String columnName, String message) {
}
