package org.charter.conversation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A participant of one conversation: anonymous (a token) or known by the organizer's external id. */
@MappedEntity("participant")
record ParticipantRow(
        @Id @GeneratedValue @Nullable Long id,
        long conversationId,
        @Nullable String externalId,
        @Nullable byte[] tokenHash,
        Instant createdAt) {
}
