package org.charter.conversation;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface MetadataQuestionRepository extends CrudRepository<MetadataQuestionRow, Long> {

    List<MetadataQuestionRow> findByConversationIdOrderByPosition(long conversationId);

    void deleteByConversationId(long conversationId);

    @Query("INSERT INTO participant_answer (participant_id, question_id, answer) VALUES (:participantId, :questionId, :answer)"
            + " ON CONFLICT (participant_id, question_id) DO UPDATE SET answer = EXCLUDED.answer")
    void saveAnswer(long participantId, long questionId, String answer);
}
