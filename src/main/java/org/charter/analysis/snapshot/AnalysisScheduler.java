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
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Decides when conversations are analysed: a change schedules a run after a short quiet period (debounce), so a
 * burst of votes costs one run; at most one run per conversation is waiting or running per instance ({@link
 * RunSpacing}), and the advisory lock makes runs of one conversation take turns across instances. A periodic sweep
 * catches changes made elsewhere (another instance, a command-line import, a restart). On a big conversation that
 * receives votes all the time, runs are spaced out so that analysis fills at most a set share of the time
 * ({@code charter.analysis.max-busy-share}), and their computation takes only CPU time nobody else wants
 * ({@link AnalysisRunner}): the votes themselves come first. An instance with {@code charter.analysis.live=false} runs
 * none of this and leaves live analyses to another instance, such as a {@code charter worker}.
 */
@Singleton
class AnalysisScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(AnalysisScheduler.class);

    private final AnalysisRunner runner;
    private final SnapshotStore snapshots;
    private final Duration sweep;
    private final RunSpacing spacing;
    private final boolean live;
    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2,
            Thread.ofPlatform().name("analysis-", 0).daemon(true).factory());

    AnalysisScheduler(AnalysisRunner runner, SnapshotStore snapshots,
                      @Value("${charter.analysis.debounce:1s}") Duration debounce,
                      @Value("${charter.analysis.sweep:10s}") Duration sweep,
                      @Value("${charter.analysis.max-busy-share:0.25}") double maxBusyShare,
                      @Value("${charter.analysis.live:true}") boolean live) {
        this.runner = runner;
        this.live = live;
        this.snapshots = snapshots;
        this.sweep = sweep;
        this.spacing = new RunSpacing(debounce.toNanos(), maxBusyShare);
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (live && !sweep.isZero()) {
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
     * Schedules a run of the conversation, when and if {@link RunSpacing} says so; nothing when this instance leaves
     * live analyses to others ({@code charter.analysis.live=false}, e.g. beside a {@code charter worker}).
     */
    void request(long conversationId) {
        if (!live) {
            return;
        }
        schedule(conversationId, spacing.changed(conversationId, System.nanoTime()));
    }

    private void schedule(long conversationId, OptionalLong delay) {
        if (delay.isPresent() && !executor.isShutdown()) { // shut down: the next start's sweep finds the change
            try {
                executor.schedule(() -> runPending(conversationId), delay.getAsLong(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException shutDownMeanwhile) {
                LOG.debug("analysis of conversation {} not scheduled: shutting down", conversationId);
            }
        }
    }

    private void runPending(long conversationId) {
        spacing.started(conversationId);
        long start = System.nanoTime();
        boolean busy = false; // another instance's run holds the conversation's lock
        try {
            busy = runner.run(conversationId, false) == AnalysisRunner.Outcome.BUSY;
        } catch (RuntimeException e) {
            if (DatabaseFailure.of(e) == DatabaseFailure.UNAVAILABLE) {
                // Nothing to fix here: the periodic sweep runs it once the database answers again.
                LOG.warn("Analysis of conversation {} postponed: the database is unavailable ({})", conversationId,
                        e.getMessage());
            } else {
                LOG.error("Analysis of conversation {} failed; the previous snapshot stays in place", conversationId, e);
            }
        } finally {
            long now = System.nanoTime();
            schedule(conversationId, busy ? spacing.postponed(conversationId, now) : spacing.finished(conversationId, start, now));
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
