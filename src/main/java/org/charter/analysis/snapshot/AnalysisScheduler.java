package org.charter.analysis.snapshot;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.charter.conversation.ConversationChanged;
import org.charter.database.DatabaseFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Decides when conversations are analysed: a change schedules a run after a short quiet period (debounce), so a
 * burst of votes costs one run; at most one run per conversation is pending per instance, and the advisory lock
 * makes runs of one conversation take turns across instances. A periodic sweep catches changes made elsewhere
 * (another instance, a command-line import, a restart).
 */
@Singleton
class AnalysisScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(AnalysisScheduler.class);

    private final AnalysisRunner runner;
    private final SnapshotStore snapshots;
    private final Duration debounce;
    private final Duration sweep;
    private final Set<Long> pending = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2,
            Thread.ofPlatform().name("analysis-", 0).daemon(true).factory());

    AnalysisScheduler(AnalysisRunner runner, SnapshotStore snapshots,
                      @Value("${charter.analysis.debounce:1s}") Duration debounce,
                      @Value("${charter.analysis.sweep:10s}") Duration sweep) {
        this.runner = runner;
        this.snapshots = snapshots;
        this.debounce = debounce;
        this.sweep = sweep;
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

    /** Schedules a run after the debounce period, unless one is already waiting. */
    void request(long conversationId) {
        if (pending.add(conversationId)) {
            executor.schedule(() -> runPending(conversationId), debounce.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void runPending(long conversationId) {
        pending.remove(conversationId);
        try {
            if (runner.run(conversationId, false) == AnalysisRunner.Outcome.BUSY) {
                request(conversationId); // another run holds the lock; try again after it
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
