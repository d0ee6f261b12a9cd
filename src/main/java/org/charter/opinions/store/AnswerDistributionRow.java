package org.charter.opinions.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

/** A model's normalized distribution for one question (table answer_distribution). */
@MappedEntity("answer_distribution")
public record AnswerDistributionRow(@Id @GeneratedValue @Nullable Long id, long answerSetId, long questionId, int qid,
                                    @TypeDef(type = DataType.DOUBLE_ARRAY) double[] probabilities) {
}
