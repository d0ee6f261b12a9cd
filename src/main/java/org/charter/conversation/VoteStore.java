package org.charter.conversation;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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

    /**
     * Statements this participant may still vote on: visible under the conversation's moderation mode and not yet
     * voted on by them (polis-math.md §7.2, the candidate pool). Read on every "next statement", so rows are mapped
     * by hand.
     */
    List<StatementRouter.Candidate> unvoted(long conversationId, long participantId, boolean preModerated) {
        return jdbc.prepareStatement("""
                SELECT s.id, s.is_meta FROM statement s
                WHERE s.conversation_id = ? AND (s.status = 'accepted' OR (s.status = 'pending' AND NOT ?))
                  AND NOT EXISTS (SELECT 1 FROM current_vote v WHERE v.participant_id = ? AND v.statement_id = s.id)
                ORDER BY s.id""", ps -> {
            ps.setLong(1, conversationId);
            ps.setBoolean(2, preModerated);
            ps.setLong(3, participantId);
            List<StatementRouter.Candidate> candidates = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    candidates.add(new StatementRouter.Candidate(rs.getLong(1), rs.getBoolean(2)));
                }
            }
            return candidates;
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
