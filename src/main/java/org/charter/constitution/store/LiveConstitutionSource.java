package org.charter.constitution.store;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.charter.analysis.AnalysisInput;
import org.charter.analysis.AnalysisParameters;
import org.charter.analysis.AnalysisResult;
import org.charter.analysis.OpinionAnalysis;
import org.charter.analysis.Votes;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ConstitutionSource} over the conversation tables (migration V1). The analysis is computed from the current
 * votes when asked (Charter's analysis with Polis's parameters, a cold start, so it is the same for the same votes);
 * once analysis snapshots are stored, {@link #latestAnalysis} should return the latest snapshot instead, so that the
 * constitution and the organizer's report show the same groups.
 */
@Singleton
public class LiveConstitutionSource implements ConstitutionSource {

    private final JdbcOperations jdbc;

    public LiveConstitutionSource(JdbcOperations jdbc) {
        this.jdbc = jdbc;
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

    @Override
    @Transactional
    public Optional<AnalysisResult> latestAnalysis(long conversationId) {
        List<AnalysisInput.Statement> statements = new ArrayList<>();
        statements(conversationId).values().forEach(s ->
                statements.add(new AnalysisInput.Statement(s.id(), s.moderatedOut(), s.meta())));
        Votes votes = jdbc.prepareStatement("""
                SELECT participant_id, statement_id, value FROM current_vote WHERE conversation_id = ?
                ORDER BY updated_at, vote_id""", ps -> {
            ps.setLong(1, conversationId);
            Votes.Builder builder = Votes.builder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    builder.add(rs.getLong(1), rs.getLong(2), rs.getInt(3));
                }
            }
            return builder.build();
        });
        if (votes.size() == 0) {
            return Optional.empty();
        }
        return Optional.of(OpinionAnalysis.update(AnalysisInput.of(statements, votes), null, AnalysisParameters.POLIS)
                .result());
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
