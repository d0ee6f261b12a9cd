package org.charter.opinions.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

/** One country's answer shares for one question (table survey_distribution). */
@MappedEntity("survey_distribution")
public record SurveyDistributionRow(@Id @GeneratedValue @Nullable Long id, long questionId, String country,
                                    @TypeDef(type = DataType.DOUBLE_ARRAY) double[] shares) {
}
