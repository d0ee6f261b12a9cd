package org.charter.opinions.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

/** One question of a stored dataset (table survey_question); {@code ordinal} is null for nominal questions. */
@MappedEntity("survey_question")
public record SurveyQuestionRow(@Id @GeneratedValue @Nullable Long id, long datasetId, int qid, int line, String text,
                                @TypeDef(type = DataType.STRING_ARRAY) String[] options, String source,
                                @Nullable @TypeDef(type = DataType.DOUBLE_ARRAY) double[] ordinal,
                                @Nullable String ordinalBasis) {
}
