package org.charter.conversation;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.micronaut.data.connection.ConnectionDefinition;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The statements open for voting in each conversation, with their routing weights, kept in memory: every "next
 * statement" and every vote needs them. Changes made on this instance evict the entry at once; changes made on
 * another instance show within a second or so: after a second the next request starts one re-read in the background
 * and is answered from the list it replaces. (When every request that found the list a second old re-read it, a
 * thousand requests a second queued for database connections behind their own re-reads.)
 */
@Singleton
class OpenStatements {

    private static final Duration REFRESH_AFTER = Duration.ofSeconds(1);

    private record Entry(StatementRouter router, List<StatementRouter.Candidate> statements, Map<Long, Double> priorities) {
    }

    private final JdbcOperations jdbc;
    private final RoutingPriorities priorities;
    private final ConnectionOperations<Connection> connections;
    /** Virtual threads: a re-read waits for the database, and so starts no platform thread of its own. */
    private final ExecutorService rereads = Executors.newVirtualThreadPerTaskExecutor();
    private final LoadingCache<Long, List<StatementRouter.Candidate>> open;
    private final Map<Long, Entry> routers = new ConcurrentHashMap<>();

    OpenStatements(JdbcOperations jdbc, ConnectionOperations<Connection> connections, RoutingPriorities priorities) {
        this.jdbc = jdbc;
        this.connections = connections;
        this.priorities = priorities;
        this.open = Caffeine.newBuilder().refreshAfterWrite(REFRESH_AFTER).expireAfterAccess(Duration.ofMinutes(10))
                .executor(rereads).build(this::load);
    }

    StatementRouter of(ConversationRow c) {
        List<StatementRouter.Candidate> statements = open.get(c.id());
        Map<Long, Double> current = priorities.priorities(c.id());
        Entry e = routers.get(c.id());
        if (e == null || e.statements() != statements || e.priorities() != current) { // new statements or weights
            e = new Entry(StatementRouter.of(statements, current), statements, current);
            routers.put(c.id(), e);
        }
        return e.router();
    }

    void evict(long conversationId) {
        open.invalidate(conversationId);
        routers.remove(conversationId);
    }

    /** On its own connection: callers (a vote checking its statement) hold none. */
    private List<StatementRouter.Candidate> load(long conversationId) {
        return connections.execute(ConnectionDefinition.DEFAULT, status -> jdbc.prepareStatement("""
                SELECT s.id, s.is_meta, s.text FROM statement s JOIN conversation c ON c.id = s.conversation_id
                WHERE s.conversation_id = ? AND (s.status = 'accepted' OR (s.status = 'pending' AND c.moderation = 'post'))
                ORDER BY s.id""", ps -> {
            ps.setLong(1, conversationId);
            List<StatementRouter.Candidate> statements = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    statements.add(new StatementRouter.Candidate(rs.getLong(1), rs.getBoolean(2), rs.getString(3)));
                }
            }
            return List.copyOf(statements);
        }));
    }

    @PreDestroy
    void close() {
        rereads.shutdownNow();
    }
}
