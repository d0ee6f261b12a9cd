package org.charter.conversation;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface StatementRepository extends CrudRepository<StatementRow, Long> {

    List<StatementRow> findByConversationIdOrderById(long conversationId);

    List<StatementRow> findByConversationIdAndStatusOrderById(long conversationId, String status);

    Optional<StatementRow> findByIdAndConversationId(long id, long conversationId);

    Optional<StatementRow> findByConversationIdAndTextKey(long conversationId, String textKey);

    /**
     * Statements this participant may still vote on: visible under the conversation's moderation mode and
     * not yet voted on by them (Polis §7.2, candidate pool).
     */
    @Query("SELECT s.id, s.is_meta FROM statement s WHERE s.conversation_id = :conversationId"
            + " AND (s.status = 'accepted' OR (s.status = 'pending' AND NOT :preModerated))"
            + " AND NOT EXISTS (SELECT 1 FROM current_vote v WHERE v.participant_id = :participantId AND v.statement_id = s.id)"
            + " ORDER BY s.id")
    List<StatementRouter.Candidate> findUnvoted(long conversationId, long participantId, boolean preModerated);
}
