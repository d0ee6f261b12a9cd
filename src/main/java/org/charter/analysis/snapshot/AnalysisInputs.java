package org.charter.analysis.snapshot;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.charter.analysis.AnalysisInput;

import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a stored conversation as the analysis sees it: statements with their moderation flags, current votes. */
@Singleton
class AnalysisInputs {

    /**
     * What one run looks at, and the fingerprint that says whether anything changed since the last run. The input is
     * put together by {@link #input()}, on the caller's thread: for a conversation of a million votes that is a second
     * of sorting, which the analysis does on its idle-priority threads. A conversation's kept votes change only in
     * its next run, so {@code input()} must be called before that run reads (runs of a conversation take turns).
     */
    record Loaded(List<AnalysisInput.Statement> statements, CastVotes votes, long lastVoteId, String key) {

        AnalysisInput input() {
            return AnalysisInput.of(statements, votes.inCastOrder());
        }

        long voteCount() {
            return votes.size();
        }
    }

    /** How long a vote's transaction may take from storing it to committing, for {@link #loadForRun}. */
    static final Duration COMMIT_WITHIN = Duration.ofSeconds(30);
    static final Duration FULL_READ_EVERY = Duration.ofMinutes(10);

    private final JdbcOperations jdbc;
    private final int cacheFromVotes;
    /** Big conversations' current votes between runs, at most {@code charter.analysis.cached-votes} votes in all. */
    private final Cache<Long, KnownVotes> knownVotes;

    AnalysisInputs(JdbcOperations jdbc,
                   @Value("${charter.analysis.cache-from-votes:50000}") int cacheFromVotes,
                   @Value("${charter.analysis.cached-votes:5000000}") long cachedVotes) {
        this.jdbc = jdbc;
        this.cacheFromVotes = cacheFromVotes;
        this.knownVotes = Caffeine.newBuilder().maximumWeight(cachedVotes)
                .weigher((Long conversation, KnownVotes known) -> known.votes().size()).build();
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
     * Statements and current votes, all read from the database. Votes come in the order they were cast: the order in
     * which participants first appear is where Polis's base clusters start from (see docs/analysis.md).
     */
    Loaded load(long conversationId) {
        String key = key(conversationId);
        CastVotes votes = readCurrentVotes(conversationId);
        return loaded(conversationId, key, votes);
    }

    /**
     * What a run of the analysis looks at, as {@link #load}; on a big conversation read since the last run: the
     * current votes are kept in memory between runs, and only the history rows cast since are read and laid over them.
     * A vote is in the history before its transaction commits, and commits within {@link #COMMIT_WITHIN} (the vote
     * writer's statements take milliseconds); so each run reads from the newest vote that was older than that when
     * the last run began, and a vote that commits out of order is read by the run after its commit. A full read
     * every {@link #FULL_READ_EVERY} heals what that assumption would miss.
     */
    Loaded loadForRun(long conversationId) {
        String key = key(conversationId);
        KnownVotes known = knownVotes.getIfPresent(conversationId);
        if (known == null || known.readAt() < System.nanoTime() - FULL_READ_EVERY.toNanos()) {
            long committed = surelyCommittedThrough(conversationId);
            CastVotes votes = readCurrentVotes(conversationId);
            if (votes.size() >= cacheFromVotes) {
                knownVotes.put(conversationId, new KnownVotes(votes, committed, System.nanoTime()));
            } else {
                knownVotes.invalidate(conversationId);
            }
            return loaded(conversationId, key, votes);
        }
        synchronized (known) { // runs of one conversation take turns anyway (advisory lock); this guards the arrays
            long committed = surelyCommittedThrough(conversationId);
            readHistory(conversationId, known.readFrom(), known.votes());
            known.readFrom(Math.max(known.readFrom(), committed));
            knownVotes.put(conversationId, known); // re-weighed by its new size
            return loaded(conversationId, key, known.votes());
        }
    }

    /** Where the next run reads the history from (0: from the start, or the votes are not kept); for tests. */
    long readFrom(long conversationId) {
        KnownVotes known = knownVotes.getIfPresent(conversationId);
        return known == null ? 0 : known.readFrom();
    }

    /** A conversation's current votes kept between runs; history rows with ids above {@code readFrom} are read next. */
    private static final class KnownVotes {
        private final CastVotes votes;
        private final long readAt;
        private long readFrom;

        KnownVotes(CastVotes votes, long readFrom, long readAt) {
            this.votes = votes;
            this.readFrom = readFrom;
            this.readAt = readAt;
        }

        CastVotes votes() {
            return votes;
        }

        long readAt() {
            return readAt;
        }

        long readFrom() {
            return readFrom;
        }

        void readFrom(long id) {
            readFrom = id;
        }
    }

    /** The newest vote stored longer than {@link #COMMIT_WITHIN} ago: it and every vote before it are committed. */
    private long surelyCommittedThrough(long conversationId) {
        return jdbc.prepareStatement("""
                SELECT id FROM vote WHERE conversation_id = ? AND created_at < clock_timestamp() - ?::interval
                ORDER BY id DESC LIMIT 1""", ps -> {
            ps.setLong(1, conversationId);
            ps.setString(2, COMMIT_WITHIN.toSeconds() + " seconds");
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    private CastVotes readCurrentVotes(long conversationId) {
        return jdbc.prepareStatement(
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
                    return cast;
                });
    }

    /** Lays the history rows with ids above {@code from} over {@code votes} (the later of two votes on a pair wins). */
    private void readHistory(long conversationId, long from, CastVotes votes) {
        jdbc.prepareStatement("SELECT participant_id, statement_id, value, id FROM vote WHERE conversation_id = ? AND id > ?",
                ps -> {
                    ps.setLong(1, conversationId);
                    ps.setLong(2, from);
                    ps.setFetchSize(10_000);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            votes.add(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getLong(4));
                        }
                    }
                    return null;
                });
    }

    private Loaded loaded(long conversationId, String key, CastVotes cast) {
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
        // The key starts with the newest vote id (see key()).
        long lastVoteId = Long.parseLong(key.substring(0, key.indexOf(':')));
        return new Loaded(statements, cast, lastVoteId, key);
    }
}
