package org.charter.conversation;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;

/**
 * Votes in PostgreSQL: every vote goes into {@code vote} (the history) and becomes the participant's current
 * vote on the statement in {@code current_vote}, in one SQL statement, so a vote is either fully stored or not at all.
 */
@Singleton
final class VoteStore {

    private static final String CAST = """
            WITH cast_vote AS (
                INSERT INTO vote (conversation_id, participant_id, statement_id, value, created_at)
                VALUES (?, ?, ?, ?, clock_timestamp())
                RETURNING id, created_at)
            INSERT INTO current_vote (participant_id, statement_id, conversation_id, value, vote_id, updated_at)
            SELECT ?, ?, ?, ?, id, created_at FROM cast_vote
            ON CONFLICT (participant_id, statement_id)
            DO UPDATE SET value = EXCLUDED.value, vote_id = EXCLUDED.vote_id, updated_at = EXCLUDED.updated_at""";

    /**
     * {@link #CAST} for a group of votes: the arrays are unnested in order, so history ids follow the order of the
     * group, and when one participant voted twice on a statement within the group, the later vote is current.
     */
    private static final String CAST_ALL = """
            WITH cast_vote AS (
                INSERT INTO vote (conversation_id, participant_id, statement_id, value, created_at)
                SELECT c, p, s, v, clock_timestamp()
                FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::smallint[]) WITH ORDINALITY AS t(c, p, s, v, n)
                ORDER BY n
                RETURNING id, conversation_id, participant_id, statement_id, value, created_at)
            INSERT INTO current_vote (participant_id, statement_id, conversation_id, value, vote_id, updated_at)
            SELECT DISTINCT ON (participant_id, statement_id) participant_id, statement_id, conversation_id, value, id,
                   created_at
            FROM cast_vote ORDER BY participant_id, statement_id, id DESC
            ON CONFLICT (participant_id, statement_id)
            DO UPDATE SET value = EXCLUDED.value, vote_id = EXCLUDED.vote_id, updated_at = EXCLUDED.updated_at""";

    /** One vote to store. */
    record Cast(long conversationId, long participantId, long statementId, int value) {
    }

    private static final String COUNTS = """
            SELECT
              (SELECT count(*) FROM participant WHERE conversation_id = ?) AS participants,
              (SELECT count(DISTINCT participant_id) FROM current_vote WHERE conversation_id = ?) AS voters,
              (SELECT count(*) FROM statement WHERE conversation_id = ?) AS statements,
              (SELECT count(*) FILTER (WHERE status = 'accepted') FROM statement WHERE conversation_id = ?) AS accepted,
              (SELECT count(*) FILTER (WHERE status = 'pending') FROM statement WHERE conversation_id = ?) AS pending,
              (SELECT count(*) FILTER (WHERE status = 'rejected') FROM statement WHERE conversation_id = ?) AS rejected,
              (SELECT count(*) FROM current_vote WHERE conversation_id = ?) AS votes,
              (SELECT count(*) FROM vote WHERE conversation_id = ?) AS vote_events,
              greatest((SELECT max(created_at) FROM vote WHERE conversation_id = ?),
                       (SELECT max(created_at) FROM statement WHERE conversation_id = ?)) AS last_activity""";

    private final JdbcOperations jdbc;

    VoteStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    void cast(long conversationId, long participantId, long statementId, int value) {
        jdbc.prepareStatement(CAST, ps -> {
            ps.setLong(1, conversationId);
            ps.setLong(2, participantId);
            ps.setLong(3, statementId);
            ps.setInt(4, value);
            ps.setLong(5, participantId);
            ps.setLong(6, statementId);
            ps.setLong(7, conversationId);
            ps.setInt(8, value);
            return ps.executeUpdate();
        });
    }

    /** Stores a group of votes with one statement, as if each had been {@link #cast} in the group's order. */
    void castAll(List<Cast> group) {
        jdbc.prepareStatement(CAST_ALL, ps -> {
            Connection connection = ps.getConnection();
            ps.setArray(1, connection.createArrayOf("bigint", group.stream().map(Cast::conversationId).toArray()));
            ps.setArray(2, connection.createArrayOf("bigint", group.stream().map(Cast::participantId).toArray()));
            ps.setArray(3, connection.createArrayOf("bigint", group.stream().map(Cast::statementId).toArray()));
            ps.setArray(4, connection.createArrayOf("smallint", group.stream().map(c -> (short) c.value()).toArray()));
            return ps.executeUpdate();
        });
    }

    ConversationCounts counts(long conversationId) {
        return jdbc.prepareStatement(COUNTS, ps -> {
            for (int i = 1; i <= 10; i++) {
                ps.setLong(i, conversationId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Timestamp last = rs.getTimestamp("last_activity");
                return new ConversationCounts(rs.getLong("participants"), rs.getLong("voters"), rs.getLong("statements"),
                        rs.getLong("accepted"), rs.getLong("pending"), rs.getLong("rejected"), rs.getLong("votes"),
                        rs.getLong("vote_events"), last == null ? null : last.toInstant());
            }
        });
    }

    /** The statements this participant has a current vote on. */
    Set<Long> votedStatements(long participantId) {
        return jdbc.prepareStatement("SELECT statement_id FROM current_vote WHERE participant_id = ?", ps -> {
            ps.setLong(1, participantId);
            Set<Long> ids = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        });
    }

    /** How many statements this participant has a current vote on. */
    long votedBy(long participantId) {
        return jdbc.prepareStatement("SELECT count(*) FROM current_vote WHERE participant_id = ?", ps -> {
            ps.setLong(1, participantId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Current agree/disagree/pass counts per statement of a conversation. */
    Map<Long, long[]> tallies(long conversationId) {
        return jdbc.prepareStatement("""
                SELECT statement_id, count(*) FILTER (WHERE value = 1), count(*) FILTER (WHERE value = -1),
                       count(*) FILTER (WHERE value = 0)
                FROM current_vote WHERE conversation_id = ? GROUP BY statement_id""", ps -> {
            ps.setLong(1, conversationId);
            Map<Long, long[]> tallies = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tallies.put(rs.getLong(1), new long[]{rs.getLong(2), rs.getLong(3), rs.getLong(4)});
                }
            }
            return tallies;
        });
    }
}
