package org.charter.conversation;

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
}
