package org.charter.conversation;

import io.micronaut.data.connection.ConnectionDefinition;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The statements open for voting in each conversation, with their routing weights, kept in memory for a second:
 * every "next statement" and every vote needs them. Changes made on this instance evict the entry at once; changes
 * made on another instance show within the second.
 */
@Singleton
class OpenStatements {

    private static final long FRESH_NANOS = 1_000_000_000L;

    private record Entry(StatementRouter router, Map<Long, Double> priorities, long loadedAt) {
    }

    private final JdbcOperations jdbc;
    private final RoutingPriorities priorities;
    private final ConnectionOperations<Connection> connections;
    private final Map<Long, Entry> entries = new ConcurrentHashMap<>();

    OpenStatements(JdbcOperations jdbc, ConnectionOperations<Connection> connections, RoutingPriorities priorities) {
        this.jdbc = jdbc;
        this.connections = connections;
        this.priorities = priorities;
    }

    StatementRouter of(ConversationRow c) {
        long now = System.nanoTime();
        Map<Long, Double> current = priorities.priorities(c.id());
        Entry e = entries.get(c.id());
        if (e == null || now - e.loadedAt() > FRESH_NANOS) {
            e = new Entry(StatementRouter.of(load(c), current), current, now);
            entries.put(c.id(), e);
        } else if (e.priorities() != current) { // a new analysis: same statements, new weights
            e = new Entry(StatementRouter.of(e.router().statements(), current), current, e.loadedAt());
            entries.put(c.id(), e);
        }
        return e.router();
    }

    void evict(long conversationId) {
        entries.remove(conversationId);
    }

    /** On its own connection when the caller holds none: a vote checks its statement without holding one. */
    private List<StatementRouter.Candidate> load(ConversationRow c) {
        return connections.execute(ConnectionDefinition.DEFAULT, status -> jdbc.prepareStatement("""
                SELECT id, is_meta, text FROM statement
                WHERE conversation_id = ? AND (status = 'accepted' OR (status = 'pending' AND NOT ?))
                ORDER BY id""", ps -> {
            ps.setLong(1, c.id());
            ps.setBoolean(2, c.preModerated());
            List<StatementRouter.Candidate> open = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    open.add(new StatementRouter.Candidate(rs.getLong(1), rs.getBoolean(2), rs.getString(3)));
                }
            }
            return open;
        }));
    }
}
