package org.charter.constitution.store;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.charter.analysis.AnalysisResult;
import org.charter.analysis.snapshot.AnalysisService;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ConstitutionSource} over the stored conversation (the conversation and statement tables, migration V1) and
 * its stored analysis snapshots ({@link AnalysisService}), so that the constitution and the organizer's report show
 * the same groups.
 */
@Singleton
public class LiveConstitutionSource implements ConstitutionSource {

    private final JdbcOperations jdbc;
    private final AnalysisService analysis;

    public LiveConstitutionSource(JdbcOperations jdbc, AnalysisService analysis) {
        this.jdbc = jdbc;
        this.analysis = analysis;
    }

    @Override
    @Transactional
    public Optional<SourceConversation> conversation(String ref) {
        boolean numeric = ref != null && ref.matches("[0-9]{1,18}");
        String sql = """
                SELECT c.id, c.slug, c.topic, c.created_at,
                       (SELECT max(v.created_at) FROM vote v WHERE v.conversation_id = c.id) AS last_vote,
                       (SELECT max(s.created_at) FROM statement s WHERE s.conversation_id = c.id) AS last_statement,
                       (SELECT min(s.created_at) FROM statement s WHERE s.conversation_id = c.id) AS first_statement
                FROM conversation c WHERE""" + (numeric ? " c.id = ?" : " c.slug = ?");
        return jdbc.prepareStatement(sql, ps -> {
            if (numeric) {
                ps.setLong(1, Long.parseLong(ref));
            } else {
                ps.setString(1, ref == null ? "" : ref.toLowerCase(java.util.Locale.ROOT));
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Timestamp first = rs.getTimestamp("first_statement");
                Timestamp created = rs.getTimestamp("created_at");
                Timestamp lastVote = rs.getTimestamp("last_vote");
                Timestamp lastStatement = rs.getTimestamp("last_statement");
                Timestamp last = lastVote == null ? lastStatement : lastStatement == null ? lastVote
                        : lastVote.after(lastStatement) ? lastVote : lastStatement;
                Timestamp start = first != null && first.before(created) ? first : created;
                return Optional.of(new SourceConversation(rs.getLong("id"), rs.getString("slug"), rs.getString("topic"),
                        start.toInstant(), last == null ? null : last.toInstant()));
            }
        });
    }

    /**
     * The latest stored analysis snapshot; when the conversation has none yet, it is computed now (and stored), so
     * that a draft never waits for the scheduler. Empty when there are no votes.
     */
    @Override
    public Optional<AnalysisResult> latestAnalysis(long conversationId) {
        Optional<AnalysisResult> result = analysis.latestResult(conversationId);
        if (result.isEmpty()) {
            analysis.recompute(conversationId);
            result = analysis.latestResult(conversationId);
        }
        return result.filter(r -> r.votes() > 0);
    }

    @Override
    @Transactional
    public Map<Long, StatementInfo> statements(long conversationId) {
        return jdbc.prepareStatement("SELECT id, text, status, is_meta FROM statement WHERE conversation_id = ? ORDER BY id",
                ps -> {
                    ps.setLong(1, conversationId);
                    Map<Long, StatementInfo> out = new LinkedHashMap<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long id = rs.getLong(1);
                            out.put(id, new StatementInfo(id, rs.getString(2), "rejected".equals(rs.getString(3)),
                                    rs.getBoolean(4)));
                        }
                    }
                    return out;
                });
    }
}
