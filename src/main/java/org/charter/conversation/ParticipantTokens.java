package org.charter.conversation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.inject.Singleton;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;

/**
 * Which participant a token stands for, remembered for a minute: every vote and every "next statement" names its
 * participant by token, and looking it up in PostgreSQL each time was a tenth of the server's work per vote. Only
 * found participants are remembered, keyed by the token's hash (never the token). A token stops working at once on
 * the instance that replaced it (an xid participant joining again) and within the minute on other instances.
 */
@Singleton
final class ParticipantTokens {

    private record Key(ByteBuffer tokenHash, long conversationId) {
    }

    private final Cache<Key, Long> participants = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1))
            .maximumSize(200_000)
            .build();
    private final ParticipantRepository repository;

    ParticipantTokens(ParticipantRepository repository) {
        this.repository = repository;
    }

    /** The participant of this conversation whose token has this hash, if any. */
    Optional<Long> participant(byte[] tokenHash, long conversationId) {
        Key key = new Key(ByteBuffer.wrap(tokenHash.clone()), conversationId);
        Long known = participants.getIfPresent(key);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Long> found = repository.findIdByToken(tokenHash, conversationId);
        found.ifPresent(id -> participants.put(key, id));
        return found;
    }

    /** Forgets a token that no longer stands for its participant. */
    void forget(byte[] tokenHash, long conversationId) {
        participants.invalidate(new Key(ByteBuffer.wrap(tokenHash.clone()), conversationId));
    }
}
