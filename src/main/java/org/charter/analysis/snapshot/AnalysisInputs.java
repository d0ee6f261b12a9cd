package org.charter.analysis.snapshot;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.charter.analysis.AnalysisInput;
import org.charter.analysis.Votes;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a stored conversation as the analysis sees it: statements with their moderation flags, current votes. */
@Singleton
class AnalysisInputs {

    /** What one run looks at, and the fingerprint that says whether anything changed since the last run. */
    record Loaded(AnalysisInput input, long voteCount, long lastVoteId, String key) {
    }

    private final JdbcOperations jdbc;

    AnalysisInputs(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A metadata question's label and each participant's answer to it (participants without an answer are absent). */
    record Answers(String label, Map<Long, String> byParticipant) {
    }

    Optional<Answers> answers(long conversationId, String key) {
        Optional<String> label = jdbc.prepareStatement(
                "SELECT label FROM metadata_question WHERE conversation_id = ? AND key = ?", ps -> {
                    ps.setLong(1, conversationId);
                    ps.setString(2, key);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                    }
                });
        return label.map(l -> new Answers(l, jdbc.prepareStatement("""
                SELECT a.participant_id, a.answer FROM participant_answer a JOIN metadata_question q ON q.id = a.question_id
                WHERE q.conversation_id = ? AND q.key = ?""", ps -> {
            ps.setLong(1, conversationId);
            ps.setString(2, key);
            Map<Long, String> answers = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    answers.put(rs.getLong(1), rs.getString(2));
                }
            }
            return answers;
        })));
    }

    /** The fingerprint alone: cheap, to decide whether a run is needed. */
    String key(long conversationId) {
        return jdbc.prepareStatement("""
                SELECT coalesce((SELECT max(id) FROM vote WHERE conversation_id = ?), 0) || ':' ||
                       (SELECT count(*) || ':' || coalesce(max(greatest(created_at, moderated_at))::text, '')
                               || ':' || count(*) FILTER (WHERE is_meta)
                        FROM statement WHERE conversation_id = ?)""", ps -> {
            ps.setLong(1, conversationId);
            ps.setLong(2, conversationId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    /**
     * Statements and current votes. Votes come in the order they were cast: the order in which participants first
     * appear is where Polis's base clusters start from (see docs/analysis.md).
     */
    Loaded load(long conversationId) {
        String key = key(conversationId);
        List<AnalysisInput.Statement> statements = jdbc.prepareStatement(
                "SELECT id, status, is_meta FROM statement WHERE conversation_id = ? ORDER BY id", ps -> {
                    ps.setLong(1, conversationId);
                    List<AnalysisInput.Statement> list = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            list.add(new AnalysisInput.Statement(rs.getLong(1), "rejected".equals(rs.getString(2)), rs.getBoolean(3)));
                        }
                    }
                    return list;
                });
        Votes votes = jdbc.prepareStatement(
                // Unordered: on a big conversation PostgreSQL would sort the votes on disk; CastVotes sorts them here.
                "SELECT participant_id, statement_id, value, vote_id FROM current_vote WHERE conversation_id = ?",
                ps -> {
                    ps.setLong(1, conversationId);
                    ps.setFetchSize(10_000);
                    CastVotes cast = new CastVotes();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            cast.add(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getLong(4));
                        }
                    }
                    return cast.inCastOrder();
                });
        // The key starts with the newest vote id (see key()).
        long lastVoteId = Long.parseLong(key.substring(0, key.indexOf(':')));
        return new Loaded(AnalysisInput.of(statements, votes), votes.size(), lastVoteId, key);
    }
}
