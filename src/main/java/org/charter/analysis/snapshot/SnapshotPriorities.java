package org.charter.analysis.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.micronaut.data.connection.ConnectionDefinition;
import io.micronaut.data.connection.ConnectionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.charter.cli.Output;
import org.charter.conversation.RoutingPriorities;

import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Routing weights from the latest snapshot. Asked on every "next statement", so they are cached per conversation
 * and only re-read when a newer snapshot exists, checked about once a second: in the background, by one re-read per
 * conversation, while requests are answered from the weights they had (see {@link org.charter.conversation}'s open
 * statements for why one).
 */
@Singleton
class SnapshotPriorities implements RoutingPriorities {

    private static final Duration RECHECK_AFTER = Duration.ofSeconds(1);
    private static final TypeReference<Map<Long, Double>> MAP = new TypeReference<>() {
    };

    private record Cached(int version, Map<Long, Double> priorities) {
    }

    private final SnapshotStore snapshots;
    private final ConnectionOperations<Connection> connections;
    private final ExecutorService rereads = Executors.newVirtualThreadPerTaskExecutor();
    private final LoadingCache<Long, Cached> cache;

    SnapshotPriorities(SnapshotStore snapshots, ConnectionOperations<Connection> connections) {
        this.snapshots = snapshots;
        this.connections = connections;
        this.cache = Caffeine.newBuilder().refreshAfterWrite(RECHECK_AFTER).expireAfterAccess(Duration.ofMinutes(10))
                .executor(rereads).build(new CacheLoader<>() {
                    @Override
                    public Cached load(Long conversationId) {
                        return reread(conversationId, null);
                    }

                    @Override
                    public Cached reload(Long conversationId, Cached known) {
                        return reread(conversationId, known);
                    }
                });
    }

    @Override
    public Map<Long, Double> priorities(long conversationId) {
        return cache.get(conversationId).priorities();
    }

    /** On its own connection: callers (a vote checking its statement) hold none. */
    private Cached reread(long conversationId, Cached cached) {
        return connections.execute(ConnectionDefinition.DEFAULT, status -> {
            int known = cached == null ? 0 : cached.version();
            Cached unchanged = cached == null ? new Cached(0, Map.of()) : cached;
            int latest = snapshots.latestVersion(conversationId);
            if (latest <= known) {
                return unchanged;
            }
            return snapshots.latestPriorities(conversationId, known).map(json -> new Cached(latest, parse(json)))
                    .orElse(unchanged);
        });
    }

    private static Map<Long, Double> parse(String json) {
        try {
            return Map.copyOf(Output.JSON.readValue(json, MAP));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored routing priorities are not valid JSON", e);
        }
    }

    @PreDestroy
    void close() {
        rereads.shutdownNow();
    }
}
