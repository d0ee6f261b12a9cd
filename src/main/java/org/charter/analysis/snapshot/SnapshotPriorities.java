package org.charter.analysis.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.micronaut.data.connection.ConnectionDefinition;
import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;
import org.charter.cli.Output;
import org.charter.conversation.RoutingPriorities;

import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Routing weights from the latest snapshot. Asked on every "next statement", so they are cached per conversation
 * and only re-read when a newer snapshot exists (checked at most once a second).
 */
@Singleton
class SnapshotPriorities implements RoutingPriorities {

    private static final long RECHECK_NANOS = 1_000_000_000L;
    private static final TypeReference<Map<Long, Double>> MAP = new TypeReference<>() {
    };

    private record Cached(int version, Map<Long, Double> priorities, long checkedAt) {
    }

    private final SnapshotStore snapshots;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    private final ConnectionOperations<Connection> connections;

    SnapshotPriorities(SnapshotStore snapshots, ConnectionOperations<Connection> connections) {
        this.snapshots = snapshots;
        this.connections = connections;
    }

    @Override
    public Map<Long, Double> priorities(long conversationId) {
        long now = System.nanoTime();
        Cached cached = cache.get(conversationId);
        if (cached != null && now - cached.checkedAt() < RECHECK_NANOS) {
            return cached.priorities();
        }
        // its own connection when the caller holds none: a vote checks its statement without holding one
        Cached fresh = connections.execute(ConnectionDefinition.DEFAULT, status -> reread(conversationId, cached, now));
        cache.put(conversationId, fresh);
        return fresh.priorities();
    }

    private Cached reread(long conversationId, Cached cached, long now) {
        int known = cached == null ? 0 : cached.version();
        int latest = snapshots.latestVersion(conversationId);
        Cached fresh;
        if (latest > known) {
            fresh = snapshots.latestPriorities(conversationId, known)
                    .map(json -> new Cached(latest, parse(json), now))
                    .orElse(new Cached(known, cached == null ? Map.of() : cached.priorities(), now));
        } else {
            fresh = new Cached(known, cached == null ? Map.of() : cached.priorities(), now);
        }
        return fresh;
    }

    private static Map<Long, Double> parse(String json) {
        try {
            return Map.copyOf(Output.JSON.readValue(json, MAP));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored routing priorities are not valid JSON", e);
        }
    }
}
