package org.charter.conversation;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.charter.polis.PolisComment;
import org.charter.polis.PolisExport;
import org.charter.polis.PolisExportWriter;
import org.charter.polis.PolisModeration;
import org.charter.polis.PolisParticipant;
import org.charter.polis.PolisParticipantsVotes;
import org.charter.polis.PolisVote;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A stored conversation in Polis's export layout. Imported rows keep their Polis ids; rows Charter created get the
 * next free ids, in creation order, so exporting twice gives the same files.
 */
@Singleton
public class PolisExporter {

    /** Java's {@code Date.toString} layout, which Polis exports use, in UTC. */
    static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss 'UTC' yyyy", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** The current opinion groups of a conversation, for participants-votes.csv's group-id (empty before analysis). */
    public interface Groups {
        Map<Long, Integer> of(long conversationId);
    }

    private final ConversationService conversations;
    private final JdbcOperations jdbc;
    private final Groups groups;

    PolisExporter(ConversationService conversations, JdbcOperations jdbc, Optional<Groups> groups) {
        this.conversations = conversations;
        this.jdbc = jdbc;
        this.groups = groups.orElse(id -> Map.of());
    }

    @Transactional
    public Map<String, byte[]> files(String ref) {
        return PolisExportWriter.files(export(conversations.resolve(ref)));
    }

    @Transactional
    public Map<String, byte[]> files(String ref, long organizerId) {
        return PolisExportWriter.files(export(conversations.managed(ref, organizerId)));
    }

    PolisExport export(ConversationRow c) {
        Map<Long, Long> pid = exportIds("participant", c.id());
        Map<Long, Long> tid = exportIds("statement", c.id());
        List<PolisVote> votes = new ArrayList<>();
        Map<Long, long[]> counts = new HashMap<>(); // statement -> agrees, disagrees over every vote row, as Polis counts
        jdbc.prepareStatement("SELECT statement_id, participant_id, value, created_at FROM vote WHERE conversation_id = ?", ps -> {
            ps.setLong(1, c.id());
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long millis = rs.getTimestamp(4).getTime();
                    int value = rs.getInt(3);
                    votes.add(new PolisVote(tid.get(rs.getLong(1)), pid.get(rs.getLong(2)), value, millis,
                            DATETIME.format(Instant.ofEpochMilli(millis)), null));
                    long[] n = counts.computeIfAbsent(rs.getLong(1), k -> new long[2]);
                    if (value != 0) {
                        n[value > 0 ? 0 : 1]++;
                    }
                }
            }
            return null;
        });
        // Polis orders votes.csv by comment, then participant; time orders a participant's changed votes.
        votes.sort(java.util.Comparator.comparingLong(PolisVote::commentId).thenComparingLong(PolisVote::voterId)
                .thenComparingLong(PolisVote::timestampMillis).thenComparingInt(PolisVote::vote));

        List<PolisComment> comments = new ArrayList<>();
        Map<Long, Long> authored = new HashMap<>();
        jdbc.prepareStatement("SELECT id, text, author_id, is_seed, is_meta, status, created_at FROM statement"
                + " WHERE conversation_id = ?", ps -> {
            ps.setLong(1, c.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    long millis = rs.getTimestamp(7).getTime();
                    Long author = rs.getObject(3) == null ? null : pid.get(rs.getLong(3));
                    if (author != null) {
                        authored.merge(author, 1L, Long::sum);
                    }
                    long[] n = counts.getOrDefault(id, new long[2]);
                    comments.add(new PolisComment(tid.get(id), millis, DATETIME.format(Instant.ofEpochMilli(millis)),
                            author == null ? -1 : author, n[0], n[1],
                            PolisModeration.ofCode(StatementStatus.of(rs.getString(6)).polisValue()),
                            rs.getBoolean(5), rs.getBoolean(4), null, null, rs.getString(2)));
                }
            }
            return null;
        });
        comments.sort(java.util.Comparator.comparingLong(PolisComment::commentId));

        PolisParticipantsVotes matrix = matrix(c.id(), pid, tid, authored);
        Map<String, String> summary = new LinkedHashMap<>();
        summary.put("topic", c.topic());
        summary.put("url", "/c/" + c.slug());
        summary.put("voters", Long.toString(matrix.participants().size()));
        summary.put("voters-in-conv", Long.toString(matrix.participants().stream().filter(p -> p.groupId() != null).count()));
        summary.put("commenters", Long.toString(authored.size()));
        summary.put("comments", Long.toString(comments.size()));
        summary.put("groups", Long.toString(matrix.participants().stream().map(PolisParticipant::groupId)
                .filter(java.util.Objects::nonNull).distinct().count()));
        summary.put("conversation-description", c.description());
        return new PolisExport(Path.of(c.slug()), comments, votes, PolisExport.VoteSource.VOTES_CSV, Optional.of(matrix),
                summary, PolisExportWriter.COMMENT_COLUMNS);
    }

    private PolisParticipantsVotes matrix(long conversationId, Map<Long, Long> pid, Map<Long, Long> tid, Map<Long, Long> authored) {
        Map<Long, Integer> groupOf = groups.of(conversationId);
        TreeMap<Long, Map<Long, Integer>> rows = new TreeMap<>();
        Map<Long, Long> dbIdOf = new HashMap<>();
        jdbc.prepareStatement("SELECT participant_id, statement_id, value FROM current_vote WHERE conversation_id = ?", ps -> {
            ps.setLong(1, conversationId);
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long p = pid.get(rs.getLong(1));
                    dbIdOf.put(p, rs.getLong(1));
                    rows.computeIfAbsent(p, k -> new TreeMap<>()).put(tid.get(rs.getLong(2)), rs.getInt(3));
                }
            }
            return null;
        });
        List<PolisParticipant> participants = new ArrayList<>();
        rows.forEach((p, votes) -> {
            long agree = votes.values().stream().filter(v -> v > 0).count();
            long disagree = votes.values().stream().filter(v -> v < 0).count();
            participants.add(new PolisParticipant(p, null, groupOf.get(dbIdOf.get(p)), authored.getOrDefault(p, 0L),
                    votes.size(), agree, disagree, votes));
        });
        return new PolisParticipantsVotes(false, tid.values().stream().sorted().toList(), participants);
    }

    /**
     * Database id → the id written in the export: the Polis id for imported rows, the next free number for rows
     * created in Charter (in creation order).
     */
    private Map<Long, Long> exportIds(String table, long conversationId) {
        Map<Long, Long> ids = new LinkedHashMap<>();
        List<Long> fresh = new ArrayList<>();
        long[] next = {0};
        jdbc.prepareStatement("SELECT id, external_id FROM " + table + " WHERE conversation_id = ? ORDER BY id", ps -> {
            ps.setLong(1, conversationId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String external = rs.getString(2);
                    if (external != null && external.matches("[0-9]{1,18}")) {
                        long id = Long.parseLong(external);
                        ids.put(rs.getLong(1), id);
                        next[0] = Math.max(next[0], id + 1);
                    } else {
                        fresh.add(rs.getLong(1));
                    }
                }
            }
            return null;
        });
        for (long id : fresh) {
            ids.put(id, next[0]++);
        }
        return ids;
    }
}
