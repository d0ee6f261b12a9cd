package org.charter.conversation;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ConversationRepository extends CrudRepository<ConversationRow, Long> {

    Optional<ConversationRow> findBySlug(String slug);

    /** Conversations the organizer owns or co-organizes, newest first. */
    @Query("SELECT c.* FROM conversation c WHERE c.owner_id = :organizerId"
            + " OR EXISTS (SELECT 1 FROM conversation_organizer o WHERE o.conversation_id = c.id AND o.organizer_id = :organizerId)"
            + " ORDER BY c.created_at DESC, c.id DESC")
    List<ConversationRow> findManagedBy(long organizerId);

    @Query("SELECT EXISTS (SELECT 1 FROM conversation c WHERE c.id = :conversationId AND (c.owner_id = :organizerId"
            + " OR EXISTS (SELECT 1 FROM conversation_organizer o WHERE o.conversation_id = c.id AND o.organizer_id = :organizerId)))")
    boolean isManagedBy(long conversationId, long organizerId);

    @Query("INSERT INTO conversation_organizer (conversation_id, organizer_id) VALUES (:conversationId, :organizerId) ON CONFLICT DO NOTHING")
    void addOrganizer(long conversationId, long organizerId);

    @Query("SELECT organizer_id FROM conversation_organizer WHERE conversation_id = :conversationId ORDER BY organizer_id")
    List<Long> coOrganizerIds(long conversationId);

    /** Whether a row was deleted. */
    @Query("DELETE FROM conversation_organizer WHERE conversation_id = :conversationId AND organizer_id = :organizerId")
    int deleteOrganizer(long conversationId, long organizerId);

    default boolean removeOrganizer(long conversationId, long organizerId) {
        return deleteOrganizer(conversationId, organizerId) > 0;
    }

    @Query("SELECT c.id FROM conversation c WHERE c.id = :id FOR UPDATE")
    Optional<Long> lock(long id);
}
