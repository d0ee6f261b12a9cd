package org.charter.polis;

import org.charter.analysis.AnalysisInput;
import org.charter.analysis.Replay;
import org.charter.analysis.Votes;

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
