package org.charter.analysis.snapshot;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.charter.conversation.ConversationChanged;
import org.charter.conversation.VotesStored;
import org.charter.database.DatabaseFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Decides when conversations are analysed: a change schedules a run after a short quiet period (debounce), so a
 * burst of votes costs one run; at most one run per conversation is pending per instance, and the advisory lock
 * makes runs of one conversation take turns across instances. A periodic sweep catches changes made elsewhere
 * (another instance, a command-line import, a restart). On a big conversation that receives votes all the time, runs
 * are spaced out so that analysis takes at most a set share of one core ({@code charter.analysis.max-busy-share}):
 * the votes themselves come first.
 */
@Singleton
class AnalysisScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(AnalysisScheduler.class);

    private final AnalysisRunner runner;
    private final SnapshotStore snapshots;
    private final Duration debounce;
    private final Duration sweep;
    private final double maxBusyShare;
    private final Set<Long> pending = ConcurrentHashMap.newKeySet();
    /** Per conversation, the System.nanoTime() before which its next run should not start. */
    private final Map<Long, Long> notBefore = new ConcurrentHashMap<>();
    /** Per conversation, how long its last run took (nanoseconds). */
    private final Map<Long, Long> lastTook = new ConcurrentHashMap<>();
    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2,
            Thread.ofPlatform().name("analysis-", 0).daemon(true).factory());

    AnalysisScheduler(AnalysisRunner runner, SnapshotStore snapshots,
                      @Value("${charter.analysis.debounce:1s}") Duration debounce,
                      @Value("${charter.analysis.sweep:10s}") Duration sweep,
                      @Value("${charter.analysis.max-busy-share:0.25}") double maxBusyShare) {
        if (!(maxBusyShare > 0 && maxBusyShare <= 1)) {
            throw new IllegalArgumentException("charter.analysis.max-busy-share must be in (0, 1], found " + maxBusyShare);
        }
        this.runner = runner;
        this.snapshots = snapshots;
        this.debounce = debounce;
        this.sweep = sweep;
        this.maxBusyShare = maxBusyShare;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (!sweep.isZero()) {
            executor.scheduleWithFixedDelay(this::sweep, sweep.toMillis(), sweep.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @TransactionalEventListener
    void onChange(ConversationChanged change) {
        request(change.conversationId());
    }

    @EventListener
    void onVotes(VotesStored votes) {
        request(votes.conversationId());
    }

    /**
     * Schedules a run after the debounce period, or later if the last run of this conversation was long, unless one
     * is already waiting.
     */
    void request(long conversationId) {
        if (pending.add(conversationId)) {
            Long allowedAt = notBefore.get(conversationId);
            long delay = Math.max(debounce.toNanos(), allowedAt == null ? 0 : allowedAt - System.nanoTime());
            executor.schedule(() -> runPending(conversationId), delay, TimeUnit.NANOSECONDS);
        }
    }

    private void runPending(long conversationId) {
        pending.remove(conversationId);
        long start = System.nanoTime();
        try {
            if (runner.run(conversationId, false) == AnalysisRunner.Outcome.BUSY) {
                request(conversationId); // another run holds the lock; try again after it
                return;
            }
        } catch (RuntimeException e) {
            if (DatabaseFailure.of(e) == DatabaseFailure.UNAVAILABLE) {
                // Nothing to fix here: the periodic sweep runs it once the database answers again.
                LOG.warn("Analysis of conversation {} postponed: the database is unavailable ({})", conversationId,
                        e.getMessage());
            } else {
                LOG.error("Analysis of conversation {} failed; the previous snapshot stays in place", conversationId, e);
            }
        }
        long took = System.nanoTime() - start;
        // The shorter of the last two runs: a single slow run (the JVM's first, a busy moment) does not space out
        // the next ones; a conversation whose runs are all long does.
        Long before = lastTook.put(conversationId, took);
        long typical = before == null ? 0 : Math.min(before, took);
        notBefore.put(conversationId, System.nanoTime() + pause(typical, maxBusyShare));
    }

    /** How long to wait after a run that took {@code tookNanos} so that runs fill at most {@code share} of the time. */
    static long pause(long tookNanos, double share) {
        return (long) (tookNanos * (1 / share - 1));
    }

    private void sweep() {
        try {
            snapshots.stale().forEach(this::request);
        } catch (RuntimeException e) {
            LOG.warn("Could not look for conversations to analyse: {}", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
