package org.charter.constitution.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.charter.constitution.Constitution;
import org.charter.constitution.SelectionParameters;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Constitution versions in PostgreSQL (migration V4). Callers run these in a transaction; a version is written
 * whole or not at all, and never changed afterwards except for its published flag (the database refuses other
 * updates).
 */
@Singleton
class ConstitutionStore {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final JdbcOperations jdbc;

    ConstitutionStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A principle's numbers as stored in {@code evidence}. */
    record PrincipleEvidence(double consensus, Double bridging, Map<Integer, Double> groupAgreement, long votes,
                             Map<Integer, Constitution.Tally> groupVotes) {
    }

    /** A statement's numbers as stored in {@code evidence}. */
    record StatementEvidence(double consensus, Double bridging, Map<Integer, Double> groupAgreement, long votes,
                             double similarity) {
    }

    /** Locks the conversation against concurrent saves and returns its next version number. */
    int lockNextVersion(long conversationId) {
        return jdbc.prepareStatement("""
                SELECT (SELECT 1 FROM conversation WHERE id = ? FOR UPDATE),
                       (SELECT coalesce(max(version), 0) + 1 FROM constitution_version WHERE conversation_id = ?)""",
                ps -> {
                    ps.setLong(1, conversationId);
                    ps.setLong(2, conversationId);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getInt(2);
                    }
                });
    }

    /** Stores a version: its principles with their statements, and the dropped ones. */
    void insert(long conversationId, int version, Constitution c, Long createdBy) {
        long versionId = jdbc.prepareStatement("""
                INSERT INTO constitution_version (conversation_id, version, title, note, parameters, source, created_by)
                VALUES (?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?) RETURNING id""", ps -> {
            ps.setLong(1, conversationId);
            ps.setInt(2, version);
            ps.setString(3, c.title());
            ps.setString(4, c.version() == null ? null : c.version().note());
            ps.setString(5, json(c.parameters()));
            ps.setString(6, json(c.source()));
            if (createdBy == null) {
                ps.setNull(7, java.sql.Types.BIGINT);
            } else {
                ps.setLong(7, createdBy);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        jdbc.execute(connection -> {
            try (PreparedStatement principle = connection.prepareStatement("""
                    INSERT INTO constitution_principle (version_id, position, text, cai, note, evidence)
                    VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb))""", Statement.RETURN_GENERATED_KEYS);
                 PreparedStatement statement = connection.prepareStatement("""
                         INSERT INTO constitution_principle_statement (principle_id, position, statement_id, original_text, evidence)
                         VALUES (?, ?, ?, ?, CAST(? AS jsonb))""");
                 PreparedStatement dropped = connection.prepareStatement("""
                         INSERT INTO constitution_dropped (version_id, position, statement_ids, text, reason)
                         VALUES (?, ?, ?, ?, ?)""")) {
                int position = 0;
                for (Constitution.Principle p : c.principles()) {
                    principle.setLong(1, versionId);
                    principle.setInt(2, position++);
                    principle.setString(3, p.text());
                    principle.setString(4, p.cai());
                    principle.setString(5, p.note());
                    principle.setString(6, json(new PrincipleEvidence(p.consensus(), p.bridging(), p.groupAgreement(),
                            p.votes(), p.groupVotes())));
                    principle.executeUpdate();
                    long principleId;
                    try (ResultSet keys = principle.getGeneratedKeys()) {
                        keys.next();
                        principleId = keys.getLong(1);
                    }
                    int k = 0;
                    for (Constitution.Evidence e : p.statements()) {
                        statement.setLong(1, principleId);
                        statement.setInt(2, k++);
                        statement.setLong(3, e.statementId());
                        statement.setString(4, e.text());
                        statement.setString(5, json(new StatementEvidence(e.consensus(), e.bridging(),
                                e.groupAgreement(), e.votes(), e.similarity())));
                        statement.addBatch();
                    }
                }
                statement.executeBatch();
                int d = 0;
                for (Constitution.Excluded e : c.excluded()) {
                    dropped.setLong(1, versionId);
                    dropped.setInt(2, d++);
                    dropped.setArray(3, connection.createArrayOf("bigint", e.statementIds().toArray()));
                    dropped.setString(4, e.text() == null ? "" : e.text());
                    dropped.setString(5, e.detail());
                    dropped.addBatch();
                }
                dropped.executeBatch();
            }
            return null;
        });
    }

    List<VersionSummary> versions(long conversationId) {
        return jdbc.prepareStatement("""
                SELECT v.version, v.title, v.note, v.created_at, v.published, v.published_at, o.display_name,
                       (SELECT count(*) FROM constitution_principle p WHERE p.version_id = v.id) AS principles
                FROM constitution_version v LEFT JOIN organizer o ON o.id = v.created_by
                WHERE v.conversation_id = ? ORDER BY v.version""", ps -> {
            ps.setLong(1, conversationId);
            List<VersionSummary> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new VersionSummary(rs.getInt("version"), rs.getString("title"), rs.getString("note"),
                            rs.getInt("principles"), rs.getString("display_name"), instant(rs, "created_at"),
                            rs.getBoolean("published"), instant(rs, "published_at")));
                }
            }
            return out;
        });
    }

    Optional<Integer> publishedVersion(long conversationId) {
        return jdbc.prepareStatement("SELECT version FROM constitution_version WHERE conversation_id = ? AND published",
                ps -> {
                    ps.setLong(1, conversationId);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
                    }
                });
    }

    /** Makes this version the published one (and no other); false when it does not exist. */
    boolean publish(long conversationId, int version) {
        jdbc.prepareStatement("UPDATE constitution_version SET published = false, published_at = NULL "
                + "WHERE conversation_id = ? AND published AND version <> ?", ps -> {
            ps.setLong(1, conversationId);
            ps.setInt(2, version);
            return ps.executeUpdate();
        });
        return jdbc.prepareStatement("UPDATE constitution_version SET published = true, "
                + "published_at = coalesce(published_at, now()) WHERE conversation_id = ? AND version = ?", ps -> {
            ps.setLong(1, conversationId);
            ps.setInt(2, version);
            return ps.executeUpdate();
        }) == 1;
    }

    /** Withdraws the published version; false when none was published. */
    boolean unpublish(long conversationId) {
        return jdbc.prepareStatement("UPDATE constitution_version SET published = false, published_at = NULL "
                + "WHERE conversation_id = ? AND published", ps -> {
            ps.setLong(1, conversationId);
            return ps.executeUpdate();
        }) > 0;
    }

    /** A stored version as a {@link Constitution}: principles in order, dropped ones under {@code excluded}. */
    Optional<Constitution> load(long conversationId, int version) {
        return jdbc.execute(connection -> {
            long versionId;
            String title;
            Constitution.VersionInfo info;
            SelectionParameters parameters;
            Constitution.Source source;
            try (PreparedStatement ps = connection.prepareStatement("""
                    SELECT v.id, v.title, v.note, v.parameters, v.source, v.created_at, v.published, v.published_at,
                           o.display_name
                    FROM constitution_version v LEFT JOIN organizer o ON o.id = v.created_by
                    WHERE v.conversation_id = ? AND v.version = ?""")) {
                ps.setLong(1, conversationId);
                ps.setInt(2, version);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    versionId = rs.getLong("id");
                    title = rs.getString("title");
                    parameters = read(rs.getString("parameters"), SelectionParameters.class);
                    source = read(rs.getString("source"), Constitution.Source.class);
                    info = new Constitution.VersionInfo(version, instant(rs, "created_at"), rs.getString("display_name"),
                            rs.getBoolean("published"), instant(rs, "published_at"), rs.getString("note"));
                }
            }
            Map<Long, List<Constitution.Evidence>> statements = new LinkedHashMap<>();
            try (PreparedStatement ps = connection.prepareStatement("""
                    SELECT s.principle_id, s.statement_id, s.original_text, s.evidence
                    FROM constitution_principle_statement s JOIN constitution_principle p ON p.id = s.principle_id
                    WHERE p.version_id = ? ORDER BY s.principle_id, s.position""")) {
                ps.setLong(1, versionId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        StatementEvidence e = read(rs.getString("evidence"), StatementEvidence.class);
                        statements.computeIfAbsent(rs.getLong("principle_id"), k -> new ArrayList<>())
                                .add(new Constitution.Evidence(rs.getLong("statement_id"), rs.getString("original_text"),
                                        e.consensus(), e.bridging(), e.groupAgreement(), e.votes(), e.similarity()));
                    }
                }
            }
            List<Constitution.Principle> principles = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement("""
                    SELECT id, text, cai, note, evidence FROM constitution_principle WHERE version_id = ? ORDER BY position""")) {
                ps.setLong(1, versionId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        PrincipleEvidence e = read(rs.getString("evidence"), PrincipleEvidence.class);
                        List<Constitution.Evidence> ev = statements.getOrDefault(rs.getLong("id"), List.of());
                        String text = rs.getString("text");
                        String cai = rs.getString("cai");
                        principles.add(new Constitution.Principle(text,
                                cai == null ? org.charter.constitution.CaiRewrite.rewrite(text) : cai,
                                ev.stream().map(Constitution.Evidence::statementId).toList(), e.consensus(), e.bridging(),
                                e.groupAgreement(), e.votes(), e.groupVotes(), ev, rs.getString("note")));
                    }
                }
            }
            List<Constitution.Excluded> dropped = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT statement_ids, text, reason FROM constitution_dropped WHERE version_id = ? ORDER BY position")) {
                ps.setLong(1, versionId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Array ids = rs.getArray("statement_ids");
                        List<Long> list = Arrays.stream((Long[]) ids.getArray()).toList();
                        dropped.add(new Constitution.Excluded(list, rs.getString("text"), "dropped",
                                rs.getString("reason"), Map.of(), 0));
                    }
                }
            }
            return Optional.of(new Constitution(title, principles, dropped, List.of(), List.of(), parameters, source, info));
        });
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored constitution JSON does not read back: " + e.getMessage(), e);
        }
    }
}
