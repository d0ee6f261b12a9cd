package org.charter.conversation;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ParticipantRepository extends CrudRepository<ParticipantRow, Long> {

    /** The participant of this conversation that the token (as its SHA-256) stands for. */
    @Query("SELECT id FROM participant WHERE token_hash = :tokenHash AND conversation_id = :conversationId")
    Optional<Long> findIdByToken(byte[] tokenHash, long conversationId);

    Optional<ParticipantRow> findByConversationIdAndExternalId(long conversationId, String externalId);

    @Query("UPDATE participant SET token_hash = :tokenHash WHERE id = :id")
    void updateTokenHash(long id, byte[] tokenHash);
}
