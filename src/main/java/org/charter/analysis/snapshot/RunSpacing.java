package org.charter.analysis.snapshot;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * When each conversation's next analysis run may start: the bookkeeping of {@link AnalysisScheduler}, kept apart from
 * its threads and clock so that it can be tested step by step. A change asks for a run after the debounce period; at
 * most one run per conversation is waiting or running; a change that arrives while a run is going on is served by
 * one more run after it, and that run waits for the pause the finished run earned, so a conversation that never
 * stops receiving votes is analysed at most {@code share} of the time. Times are {@link System#nanoTime()} values.
 */
final class RunSpacing {

    private enum Phase { WAITING, RUNNING, RUNNING_CHANGED }

    private final long debounce;
    private final double share;
    private final Map<Long, Phase> phases = new HashMap<>();
    /** Per conversation, the time before which its next run should not start. */
    private final Map<Long, Long> notBefore = new HashMap<>();
    /** Per conversation, how long its last run took. */
    private final Map<Long, Long> lastTook = new HashMap<>();

    /**
     * @param debounceNanos quiet time after a change before its run, so that a burst of votes costs one run
     * @param share         the share of the time runs of one busy conversation may fill, in (0, 1]
     */
    RunSpacing(long debounceNanos, double share) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("charter.analysis.max-busy-share must be in (0, 1], found " + share);
        }
        this.debounce = debounceNanos;
        this.share = share;
    }

    /**
     * The conversation changed at {@code now}. Answers the delay after which its run should start, or empty when a
     * run is already waiting (it will see this change) or running (one more run follows it).
     */
    synchronized OptionalLong changed(long conversationId, long now) {
        Phase phase = phases.get(conversationId);
        if (phase == Phase.RUNNING) {
            phases.put(conversationId, Phase.RUNNING_CHANGED);
        }
        if (phase != null) {
            return OptionalLong.empty();
        }
        phases.put(conversationId, Phase.WAITING);
        return OptionalLong.of(delay(conversationId, now));
    }

    /** The waiting run of this conversation starts. */
    synchronized void started(long conversationId) {
        phases.put(conversationId, Phase.RUNNING);
    }

    /**
     * The run that started at {@code startedAt} ended at {@code now}. Answers the delay of the next run when the
     * conversation changed meanwhile, else empty.
     */
    synchronized OptionalLong finished(long conversationId, long startedAt, long now) {
        long took = now - startedAt;
        // The shorter of the last two runs: a single slow run (the JVM's first, a busy moment) does not space out the
        // next ones; a conversation whose runs are all long does.
        Long before = lastTook.put(conversationId, took);
        long typical = before == null ? 0 : Math.min(before, took);
        notBefore.put(conversationId, now + pause(typical, share));
        return next(conversationId, now, phases.remove(conversationId) == Phase.RUNNING_CHANGED);
    }

    /**
     * The run could not start at {@code now} (another instance holds the conversation's lock): it is tried again
     * after the debounce period.
     */
    synchronized OptionalLong postponed(long conversationId, long now) {
        phases.remove(conversationId);
        return next(conversationId, now, true);
    }

    private OptionalLong next(long conversationId, long now, boolean again) {
        if (!again) {
            return OptionalLong.empty();
        }
        phases.put(conversationId, Phase.WAITING);
        return OptionalLong.of(delay(conversationId, now));
    }

    private long delay(long conversationId, long now) {
        Long allowedAt = notBefore.get(conversationId);
        return Math.max(debounce, allowedAt == null ? 0 : allowedAt - now);
    }

    /** How long to wait after a run that took {@code tookNanos} so that runs fill at most {@code share} of the time. */
    static long pause(long tookNanos, double share) {
        return (long) (tookNanos * (1 / share - 1));
    }
}
