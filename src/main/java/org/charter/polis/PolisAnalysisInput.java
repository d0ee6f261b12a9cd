package org.charter.polis;

import org.charter.analysis.AnalysisInput;
import org.charter.analysis.Replay;
import org.charter.analysis.Votes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A Polis export as input to Charter's analysis: statements with their moderation (rejected = moderated out,
 * {@code is-meta} = meta) and the latest vote per participant and statement. Ids are the export's own
 * {@code voter-id} and {@code comment-id}.
 */
public final class PolisAnalysisInput {

    private PolisAnalysisInput() {
    }

    /** Every comment of the export as an analysis statement. */
    public static List<AnalysisInput.Statement> statements(PolisExport export) {
        List<AnalysisInput.Statement> statements = new ArrayList<>(export.comments().size());
        for (PolisComment c : export.comments()) {
            statements.add(new AnalysisInput.Statement(c.commentId(), c.moderation() == PolisModeration.REJECTED,
                    c.isMeta()));
        }
        return statements;
    }

    /**
     * The latest vote per participant and statement: the vote history in time order (ties in file order), or
     * the matrix cells when the export has no {@code votes.csv}.
     */
    public static Votes latestVotes(PolisExport export) {
        Votes.Builder builder = Votes.builder(export.votes().size());
        List<PolisVote> votes = export.votes();
        if (export.hasVoteTimes() && !inTimeOrder(votes)) {
            votes = new ArrayList<>(votes);
            votes.sort(Comparator.comparingLong(PolisVote::timestampMillis)); // stable
        }
        for (PolisVote v : votes) {
            builder.add(v.voterId(), v.commentId(), v.vote());
        }
        return builder.build();
    }

    private static boolean inTimeOrder(List<PolisVote> votes) {
        for (int i = 1; i < votes.size(); i++) {
            if (votes.get(i).timestampMillis() < votes.get(i - 1).timestampMillis()) {
                return false;
            }
        }
        return true;
    }

    /** Statements and latest votes. */
    public static AnalysisInput of(PolisExport export) {
        return AnalysisInput.of(statements(export), latestVotes(export));
    }

    /**
     * Reads an export folder straight into analysis input: the same files, checks and result as
     * {@code of(PolisExportReader.read(folder))}, without keeping a record per vote (faster on big exports).
     */
    public static AnalysisInput read(Path folder) {
        PolisExportReader.Layout files = PolisExportReader.Layout.of(folder);
        List<PolisComment> comments = PolisExportReader.readComments(files.comments(), new ArrayList<>());
        List<AnalysisInput.Statement> statements = new ArrayList<>(comments.size());
        for (PolisComment c : comments) {
            statements.add(new AnalysisInput.Statement(c.commentId(), c.moderation() == PolisModeration.REJECTED,
                    c.isMeta()));
        }
        if (files.votes() == null) {
            return of(new PolisExport(folder, comments, PolisExportReader.votesOf(
                    PolisExportReader.readParticipantsVotes(files.matrix())),
                    PolisExport.VoteSource.PARTICIPANTS_VOTES_MATRIX, java.util.Optional.empty(), java.util.Map.of(),
                    List.of()));
        }
        VoteColumns columns = new VoteColumns();
        PolisExportReader.readVotes(files.votes(), columns::add);
        return AnalysisInput.of(statements, columns.latest());
    }

    /** The rows of votes.csv in primitive columns. */
    private static final class VoteColumns {
        private long[] comment = new long[1024];
        private long[] voter = new long[1024];
        private long[] time = new long[1024];
        private byte[] vote = new byte[1024];
        private int size;

        void add(long commentId, long voterId, int value, long timestampMillis) {
            if (size == vote.length) {
                int capacity = size * 2;
                comment = java.util.Arrays.copyOf(comment, capacity);
                voter = java.util.Arrays.copyOf(voter, capacity);
                time = java.util.Arrays.copyOf(time, capacity);
                vote = java.util.Arrays.copyOf(vote, capacity);
            }
            comment[size] = commentId;
            voter[size] = voterId;
            time[size] = timestampMillis;
            vote[size] = (byte) value;
            size++;
        }

        /** The latest vote per pair: rows in time order (ties in file order), the last one wins. */
        Votes latest() {
            int[] order = timeOrder();
            Votes.Builder builder = Votes.builder(size);
            for (int i = 0; i < size; i++) {
                int k = order == null ? i : order[i];
                builder.add(voter[k], comment[k], vote[k]);
            }
            return builder.build();
        }

        /** Row indices by time, stable; null when the rows are in time order already. */
        private int[] timeOrder() {
            boolean ordered = true;
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (int i = 0; i < size; i++) {
                ordered &= i == 0 || time[i - 1] <= time[i];
                min = Math.min(min, time[i]);
                max = Math.max(max, time[i]);
            }
            if (ordered) {
                return null;
            }
            int[] order = new int[size];
            double span = (double) max - min + 1;
            if (span * size < 0x1p62) {
                // Sort (time, row) packed into one long: fast, and stable because the row breaks ties.
                long[] keys = new long[size];
                for (int i = 0; i < size; i++) {
                    keys[i] = (time[i] - min) * size + i;
                }
                java.util.Arrays.sort(keys);
                for (int i = 0; i < size; i++) {
                    order[i] = (int) (keys[i] % size);
                }
                return order;
            }
            Integer[] boxed = new Integer[size];
            for (int i = 0; i < size; i++) {
                boxed[i] = i;
            }
            java.util.Arrays.sort(boxed, java.util.Comparator.comparingLong(i -> time[i])); // stable
            for (int i = 0; i < size; i++) {
                order[i] = boxed[i];
            }
            return order;
        }
    }

    /** The vote history with times, for {@link Replay}; the export must have {@code votes.csv}. */
    public static List<Replay.TimedVote> timedVotes(PolisExport export) {
        if (!export.hasVoteTimes()) {
            throw new IllegalArgumentException("the export has no votes.csv, so its votes have no times");
        }
        List<Replay.TimedVote> votes = new ArrayList<>(export.votes().size());
        for (PolisVote v : export.votes()) {
            votes.add(new Replay.TimedVote(v.voterId(), v.commentId(), v.vote(), v.timestampMillis()));
        }
        return votes;
    }
}
