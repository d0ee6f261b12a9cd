package org.charter.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Replays a conversation's vote history through the incremental update the live service runs, so that the state
 * (warm-started PCA and clusters, the in-conversation set, the k smoother) evolves as it would have live.
 *
 * <p>Cadence: the votes are sorted by time (ties keep their given order) and cut into windows of
 * {@code windowMillis} aligned to the epoch ({@code ⌊t / window⌋}); after each window that holds votes, one
 * update runs on all votes so far. Polis runs one update per one-second poll of new votes (polis-math.md §8), so
 * one-second windows ({@link #POLIS_WINDOW_MILLIS}) imitate it; the cadence changes the result, because the k
 * smoother counts updates (§16 C7). Moderation is applied as it stands at the end (exports keep only the final
 * state).
 *
 * <p>Each window runs {@link OpinionAnalysis#advance}, the state-moving half of {@link OpinionAnalysis#update};
 * only the last window also derives the full result. The state therefore takes exactly the path it takes when
 * the service calls {@code update} once per window.
 */
public final class Replay {

    /** One-second windows: Polis's poll interval. */
    public static final long POLIS_WINDOW_MILLIS = 1000;

    /**
     * A vote with the time it was cast.
     *
     * @param participantId the participant
     * @param statementId   the statement
     * @param vote          +1 agree, −1 disagree, 0 pass
     * @param timeMillis    epoch milliseconds
     */
    public record TimedVote(long participantId, long statementId, int vote, long timeMillis) {
    }

    private Replay() {
    }

    /**
     * Replays the votes and returns the last update.
     *
     * @param statements   the conversation's statements (final moderation)
     * @param votes        every vote cast, superseded ones included, in any order
     * @param givenGroups  groups to use instead of clustering (see {@link AnalysisInput}), or empty
     * @param windowMillis window length, at least 1
     * @param progress     receives a line now and then (for stderr), or null
     * @throws IllegalArgumentException if there are no votes or the window is not positive
     */
    public static AnalysisUpdate run(List<AnalysisInput.Statement> statements, List<TimedVote> votes,
                                     java.util.Map<Long, Integer> givenGroups, long windowMillis,
                                     AnalysisParameters params, Consumer<String> progress) {
        if (windowMillis < 1) {
            throw new IllegalArgumentException("the window must be at least 1 ms");
        }
        if (votes.isEmpty()) {
            throw new IllegalArgumentException("no votes to replay");
        }
        List<TimedVote> ordered = new ArrayList<>(votes);
        ordered.sort(Comparator.comparingLong(TimedVote::timeMillis));
        Votes.Builder builder = Votes.builder(ordered.size());
        AnalysisState state = null;
        OpinionAnalysis.Step step = null;
        int windows = 0;
        long lastReport = System.nanoTime();
        int i = 0;
        while (i < ordered.size()) {
            long window = Math.floorDiv(ordered.get(i).timeMillis(), windowMillis);
            while (i < ordered.size() && Math.floorDiv(ordered.get(i).timeMillis(), windowMillis) == window) {
                TimedVote v = ordered.get(i++);
                builder.add(v.participantId(), v.statementId(), v.vote());
            }
            step = OpinionAnalysis.advance(new AnalysisInput(statements, builder.build(), givenGroups), state, params);
            state = step.state();
            windows++;
            if (progress != null && System.nanoTime() - lastReport > 2_000_000_000L) {
                progress.accept("replay: " + windows + " updates, " + i + " of " + ordered.size() + " votes");
                lastReport = System.nanoTime();
            }
        }
        if (progress != null) {
            progress.accept("replay: " + windows + " updates of " + windowMillis + " ms windows, " + ordered.size()
                    + " votes");
        }
        return new AnalysisUpdate(step.result(), step.state());
    }
}
