package org.charter.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface OrganizerRepository extends CrudRepository<Organizer, Long> {

    Optional<Organizer> findByEmail(String email);

    @Query("INSERT INTO organizer_token (token_hash, organizer_id, label, expires_at) VALUES (:hash, :organizerId, :label, :expiresAt)")
    void saveToken(byte[] hash, long organizerId, String label, @Nullable Instant expiresAt);

    @Query("SELECT o.* FROM organizer o JOIN organizer_token t ON t.organizer_id = o.id"
            + " WHERE t.token_hash = :hash AND (t.expires_at IS NULL OR t.expires_at > now())")
    Optional<Organizer> findByToken(byte[] hash);

    @Query("DELETE FROM organizer_token WHERE token_hash = :hash")
    void deleteToken(byte[] hash);
}
