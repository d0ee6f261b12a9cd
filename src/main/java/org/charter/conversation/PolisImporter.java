package org.charter.conversation;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.charter.cli.Output;
import org.charter.polis.PolisComment;
import org.charter.polis.PolisExport;
import org.charter.polis.PolisVote;
import org.charter.problem.Problem;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Stores a Polis export folder as a conversation, keeping Polis's comment and participant ids as external ids.
 * Everything happens in one transaction, so an import is stored whole or not at all; importing the same folder
 * again adds nothing (rows are keyed by external id, votes by participant, statement and time).
 */
@Singleton
public class PolisImporter {

    private static final int BATCH = 2_000;

    /** What an import added (and what was already there). */
    public record Report(String conversation, long conversationId, int participantsAdded, int statementsAdded,
                         int votesAdded, int votesInExport, int currentVotes) {
    }

    private final ConversationService conversations;
    private final ConversationRepository rows;
    private final JdbcOperations jdbc;

    PolisImporter(ConversationService conversations, ConversationRepository rows, JdbcOperations jdbc) {
        this.conversations = conversations;
        this.rows = rows;
        this.jdbc = jdbc;
    }

    @Transactional
    public Report importExport(PolisExport export, String slug, Consumer<String> progress) {
        Map<Long, PolisComment> comments = new LinkedHashMap<>();
        export.comments().forEach(c -> comments.put(c.commentId(), c));
        for (PolisVote v : export.votes()) {
            if (!comments.containsKey(v.commentId())) {
                throw Problem.invalid(export.hasVoteTimes() ? "votes.csv" : "participants-votes.csv",
                        "a vote on comment " + v.commentId() + ", which comments.csv does not list");
            }
        }
        ConversationRow c = conversation(export, slug);
        rows.lock(c.id()); // two imports into one conversation take turns
        int participants = insertParticipants(c.id(), export);
        Map<String, Long> pids = ids("participant", c.id());
        int statements = insertStatements(c.id(), comments.values(), pids);
        Map<String, Long> tids = ids("statement", c.id());
        progress.accept("import: " + participants + " new participants, " + statements + " new statements; storing "
                + export.votes().size() + " votes");
        int votes = insertVotes(c.id(), export, comments, pids, tids);
        int current = rebuildCurrentVotes(c.id());
        return new Report(c.slug(), c.id(), participants, statements, votes, export.votes().size(), current);
    }

    private ConversationRow conversation(PolisExport export, String slug) {
        var existing = rows.findBySlug(slug);
        if (existing.isPresent()) {
            if (existing.get().source() == null) {
                throw Problem.conflict("--conversation", "conversation '" + slug
                        + "' exists and was not imported from Polis; choose another name");
            }
            return existing.get();
        }
        String topic = export.summary().getOrDefault("topic", export.folder().getFileName().toString());
        String description = export.summary().getOrDefault("conversation-description", "");
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("format", "polis-export");
        source.put("folder", export.folder().getFileName().toString());
        if (export.summary().containsKey("url")) {
            source.put("url", export.summary().get("url"));
        }
        try {
            return conversations.createImported(slug, topic.strip().isEmpty() ? slug : topic, description,
                    Moderation.POST, Output.JSON.writeValueAsString(source));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private int insertParticipants(long conversationId, PolisExport export) {
        Map<Long, Long> firstSeen = new HashMap<>();
        for (PolisVote v : export.votes()) {
            firstSeen.merge(v.voterId(), v.timestampMillis() == null ? Long.MAX_VALUE : v.timestampMillis(), Math::min);
        }
        export.comments().stream().filter(c -> c.authorId() >= 0)
                .forEach(c -> firstSeen.merge(c.authorId(), c.timestampMillis(), Math::min));
        export.participantsVotes().ifPresent(m -> m.participants().forEach(p -> firstSeen.putIfAbsent(p.participantId(), Long.MAX_VALUE)));
        List<Map.Entry<Long, Long>> list = new ArrayList<>(firstSeen.entrySet());
        list.sort(Map.Entry.comparingByKey());
        return batch("INSERT INTO participant (conversation_id, external_id, created_at) VALUES (?, ?, ?)"
                + " ON CONFLICT (conversation_id, external_id) DO NOTHING", list, (ps, e) -> {
            ps.setLong(1, conversationId);
            ps.setString(2, Long.toString(e.getKey()));
            ps.setTimestamp(3, e.getValue() == Long.MAX_VALUE ? Timestamp.from(Instant.now()) : new Timestamp(e.getValue()));
        });
    }

    private int insertStatements(long conversationId, java.util.Collection<PolisComment> comments, Map<String, Long> pids) {
        return batch("""
                INSERT INTO statement (conversation_id, external_id, text, text_key, author_id, is_seed, is_meta, status,
                                       created_at, moderated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (conversation_id, external_id) DO UPDATE
                SET status = EXCLUDED.status, is_meta = EXCLUDED.is_meta, is_seed = EXCLUDED.is_seed
                WHERE statement.status IS DISTINCT FROM EXCLUDED.status OR statement.is_meta IS DISTINCT FROM EXCLUDED.is_meta
                   OR statement.is_seed IS DISTINCT FROM EXCLUDED.is_seed""", List.copyOf(comments), (ps, c) -> {
            String text = c.body();
            StatementStatus status = StatementStatus.ofPolis(c.moderation().code());
            ps.setLong(1, conversationId);
            ps.setString(2, Long.toString(c.commentId()));
            ps.setString(3, text);
            ps.setString(4, StatementText.key(text));
            Long author = c.authorId() >= 0 ? pids.get(Long.toString(c.authorId())) : null;
            ps.setObject(5, author);
            ps.setBoolean(6, c.isSeed());
            ps.setBoolean(7, c.isMeta());
            ps.setString(8, status.column());
            ps.setTimestamp(9, new Timestamp(c.timestampMillis()));
            ps.setTimestamp(10, status == StatementStatus.PENDING ? null : new Timestamp(c.timestampMillis()));
        });
    }

    /**
     * All vote rows, in time order so that vote ids follow the order votes were cast. Votes read from a
     * participants-votes matrix have no time; they are dated when their statement was written, which keeps
     * re-imports idempotent.
     */
    private int insertVotes(long conversationId, PolisExport export, Map<Long, PolisComment> comments,
                            Map<String, Long> pids, Map<String, Long> tids) {
        List<PolisVote> votes = new ArrayList<>(export.votes());
        votes.sort(Comparator.comparingLong(v -> time(v, comments)));
        return batch("INSERT INTO vote (conversation_id, participant_id, statement_id, value, created_at)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (participant_id, statement_id, created_at) DO NOTHING", votes, (ps, v) -> {
            ps.setLong(1, conversationId);
            ps.setLong(2, pids.get(Long.toString(v.voterId())));
            ps.setLong(3, tids.get(Long.toString(v.commentId())));
            ps.setInt(4, v.vote());
            ps.setTimestamp(5, new Timestamp(time(v, comments)));
        });
    }

    private static long time(PolisVote v, Map<Long, PolisComment> comments) {
        return v.timestampMillis() != null ? v.timestampMillis() : comments.get(v.commentId()).timestampMillis();
    }

    /** The latest vote of each participant on each statement, from the whole history (the same rule as Polis). */
    private int rebuildCurrentVotes(long conversationId) {
        return jdbc.prepareStatement("""
                INSERT INTO current_vote (participant_id, statement_id, conversation_id, value, vote_id, updated_at)
                SELECT DISTINCT ON (participant_id, statement_id) participant_id, statement_id, conversation_id, value, id, created_at
                FROM vote WHERE conversation_id = ?
                ORDER BY participant_id, statement_id, created_at DESC, id DESC
                ON CONFLICT (participant_id, statement_id) DO UPDATE
                SET value = EXCLUDED.value, vote_id = EXCLUDED.vote_id, updated_at = EXCLUDED.updated_at
                WHERE current_vote.vote_id <> EXCLUDED.vote_id""", ps -> {
            ps.setLong(1, conversationId);
            ps.executeUpdate();
            try (var count = ps.getConnection().prepareStatement("SELECT count(*) FROM current_vote WHERE conversation_id = ?")) {
                count.setLong(1, conversationId);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    private Map<String, Long> ids(String table, long conversationId) {
        return jdbc.prepareStatement("SELECT external_id, id FROM " + table + " WHERE conversation_id = ? AND external_id IS NOT NULL", ps -> {
            ps.setLong(1, conversationId);
            Map<String, Long> ids = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getString(1), rs.getLong(2));
                }
            }
            return ids;
        });
    }

    private interface Binder<T> {
        void bind(java.sql.PreparedStatement ps, T item) throws java.sql.SQLException;
    }

    /** Runs the statement for every item in JDBC batches; answers how many rows it changed. */
    private <T> int batch(String sql, List<T> items, Binder<T> binder) {
        return jdbc.prepareStatement(sql, ps -> {
            int changed = 0;
            for (int i = 0; i < items.size(); i++) {
                binder.bind(ps, items.get(i));
                ps.addBatch();
                if ((i + 1) % BATCH == 0 || i == items.size() - 1) {
                    for (int n : ps.executeBatch()) {
                        changed += Math.max(n, 0);
                    }
                }
            }
            return changed;
        });
    }
}
