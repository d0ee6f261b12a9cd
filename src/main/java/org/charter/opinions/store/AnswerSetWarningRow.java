package org.charter.opinions.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A warning from an answer-set upload, e.g. a normalized sum (table answer_set_warning). */
@MappedEntity("answer_set_warning")
public record AnswerSetWarningRow(@Id @GeneratedValue @Nullable Long id, long answerSetId, int position, int line,
                                  @Nullable String columnName, String message) {
}
