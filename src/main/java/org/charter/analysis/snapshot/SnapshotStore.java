package org.charter.analysis.snapshot;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Analysis snapshots in PostgreSQL; the newest few per conversation are kept. */
@Singleton
class SnapshotStore {

    private static final String COLUMNS = "conversation_id, version, vote_count, last_vote_id, input_key, computed_at,"
            + " duration_ms, computed_by";

    private final JdbcOperations jdbc;
    private final int kept;

    /** @param kept how many snapshots per conversation to keep; older ones can always be recomputed from the votes */
    SnapshotStore(JdbcOperations jdbc, @Value("${charter.analysis.kept-snapshots:10}") int kept) {
        this.jdbc = jdbc;
        this.kept = kept;
    }

    /** Which of a snapshot's large JSON documents to read (a big conversation's result is megabytes). */
    enum Documents {
        RESULT(", result::text, NULL"), STATE(", NULL, state::text");

        private final String columns;

        Documents(String columns) {
            this.columns = columns;
        }
    }

    /** The newest snapshot, with the documents asked for (the others are null). */
    Optional<Snapshot> latest(long conversationId, Documents documents) {
        String sql = "SELECT " + COLUMNS + documents.columns
                + " FROM analysis_snapshot WHERE conversation_id = ? ORDER BY version DESC LIMIT 1";
        return jdbc.prepareStatement(sql, ps -> {
            ps.setLong(1, conversationId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        });
    }

    /** Versions and who computed them, newest first (without the JSON). */
    List<Snapshot> history(long conversationId) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + ", NULL, NULL FROM analysis_snapshot WHERE conversation_id = ?"
                + " ORDER BY version DESC", ps -> {
            ps.setLong(1, conversationId);
            List<Snapshot> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(read(rs));
                }
            }
            return list;
        });
    }

    Optional<String> latestPriorities(long conversationId, int newerThan) {
        return jdbc.prepareStatement("SELECT priorities::text FROM analysis_snapshot WHERE conversation_id = ? AND version > ?"
                + " ORDER BY version DESC LIMIT 1", ps -> {
            ps.setLong(1, conversationId);
            ps.setInt(2, newerThan);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        });
    }

    int latestVersion(long conversationId) {
        return jdbc.prepareStatement("SELECT coalesce(max(version), 0) FROM analysis_snapshot WHERE conversation_id = ?", ps -> {
            ps.setLong(1, conversationId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    void insert(Snapshot s, String prioritiesJson) {
        jdbc.prepareStatement("INSERT INTO analysis_snapshot (" + COLUMNS + ", result, state, priorities)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::json, ?::json, ?::json)", ps -> {
            ps.setLong(1, s.conversationId());
            ps.setInt(2, s.version());
            ps.setLong(3, s.voteCount());
            ps.setLong(4, s.lastVoteId());
            ps.setString(5, s.inputKey());
            ps.setObject(6, java.sql.Timestamp.from(s.computedAt()));
            ps.setInt(7, s.durationMs());
            ps.setString(8, s.computedBy());
            ps.setString(9, s.resultJson());
            ps.setString(10, s.stateJson());
            ps.setString(11, prioritiesJson);
            return ps.executeUpdate();
        });
        jdbc.prepareStatement("DELETE FROM analysis_snapshot WHERE conversation_id = ? AND version <= ?", ps -> {
            ps.setLong(1, s.conversationId());
            ps.setInt(2, s.version() - kept);
            return ps.executeUpdate();
        });
    }

    /**
     * Takes the conversation's analysis lock for the current transaction, or answers false at once when another
     * run (in this or another app instance) holds it. PostgreSQL releases it at commit or rollback.
     */
    boolean tryLock(long conversationId) {
        return jdbc.prepareStatement("SELECT pg_try_advisory_xact_lock(?, ?)", ps -> {
            ps.setInt(1, LOCK_NAMESPACE);
            ps.setInt(2, (int) conversationId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        });
    }

    /** The operating-system process of PostgreSQL serving this transaction's connection. */
    long sessionPid() {
        return jdbc.prepareStatement("SELECT pg_backend_pid()", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Conversations with votes newer than their latest snapshot (recovers runs missed by a restart or a CLI import). */
    @Transactional(readOnly = true) // called from the scheduler's own thread, outside any request's transaction
    List<Long> stale() {
        return jdbc.prepareStatement("""
                SELECT c.id FROM conversation c
                WHERE (SELECT max(v.id) FROM vote v WHERE v.conversation_id = c.id) >
                      coalesce((SELECT s.last_vote_id FROM analysis_snapshot s WHERE s.conversation_id = c.id
                                ORDER BY s.version DESC LIMIT 1), 0)""", ps -> {
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        });
    }

    /** "ANLS": the first key of Charter's analysis advisory locks, so they never collide with other locks. */
    private static final int LOCK_NAMESPACE = 0x414E4C53;

    private static Snapshot read(ResultSet rs) throws SQLException {
        return new Snapshot(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                rs.getTimestamp(6).toInstant(), rs.getInt(7), rs.getString(8), rs.getString(9), rs.getString(10));
    }
}
