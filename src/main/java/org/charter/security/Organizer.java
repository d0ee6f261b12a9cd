package org.charter.security;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** An organizer account: the person who creates and moderates conversations. */
@MappedEntity("organizer")
public record Organizer(
        @Id @GeneratedValue @Nullable Long id,
        String email,
        String displayName,
        @JsonIgnore @Nullable String passwordHash,
        @DateCreated @Nullable Instant createdAt) {
}
