package org.charter.analysis.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.charter.analysis.AnalysisParameters;
import org.charter.analysis.AnalysisResult;
import org.charter.analysis.AnalysisState;
import org.charter.analysis.AnalysisUpdate;
import org.charter.analysis.BackgroundPriority;
import org.charter.analysis.OpinionAnalysis;
import org.charter.cli.Output;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One analysis run of a stored conversation, in one transaction: take the conversation's advisory lock, start from
 * the latest snapshot's state, run {@link OpinionAnalysis#update} (the same code path as {@code analyze --replay}),
 * store the new snapshot. A run that fails or is killed leaves the previous snapshot in place.
 * <p>
 * The computation runs on threads in Linux's idle class ({@link BackgroundPriority}): on a big conversation it takes
 * seconds of every core, and at idle priority it only takes what answering participants leaves over. Reading and
 * storing stay on the calling thread, whose helpers (a connection pool's, say) must not inherit that class.
 */
@Singleton
class AnalysisRunner {

    private static final Logger LOG = LoggerFactory.getLogger(AnalysisRunner.class);

    /** What a call to {@link #run} did. */
    enum Outcome { COMPUTED, UNCHANGED, BUSY }

    private final SnapshotStore snapshots;
    private final AnalysisInputs inputs;
    private final ObjectMapper json = Output.JSON;
    private final String instance;
    private final ExecutorService compute = Executors.newCachedThreadPool(BackgroundPriority.threads("analysis-compute"));
    /** A worker's database sessions are its own: their PostgreSQL processes may run at the lowest priority too. */
    private final boolean lowerSessions;
    private final Set<Long> loweredSessions = ConcurrentHashMap.newKeySet();

    AnalysisRunner(SnapshotStore snapshots, AnalysisInputs inputs,
                   @Value("${charter.instance-id:}") String instanceId,
                   @Value("${charter.analysis.lower-database-sessions:false}") boolean lowerSessions) {
        this.snapshots = snapshots;
        this.inputs = inputs;
        this.lowerSessions = lowerSessions;
        // Identifies this app instance in computed_by: host and process unless configured.
        this.instance = instanceId.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : instanceId;
    }

    @Transactional
    Outcome run(long conversationId, boolean force) {
        if (!snapshots.tryLock(conversationId)) {
            return Outcome.BUSY;
        }
        if (lowerSessions) {
            long session = snapshots.sessionPid();
            if (loweredSessions.add(session) && !BackgroundPriority.lowerProcess(session)) {
                LOG.debug("PostgreSQL session {} keeps its priority (another user's process, or not Linux)", session);
            }
        }
        var previous = snapshots.latest(conversationId, SnapshotStore.Documents.STATE);
        if (!force && previous.isPresent() && previous.get().inputKey().equals(inputs.key(conversationId))) {
            return Outcome.UNCHANGED;
        }
        long started = System.nanoTime();
        AnalysisInputs.Loaded loaded = inputs.loadForRun(conversationId);
        String stateJson = previous.map(Snapshot::stateJson).orElse(null);
        // Assembling the input and (de)serializing the megabytes of JSON of a big conversation are computation too.
        Computed computed = inBackground(() -> compute(conversationId, loaded, stateJson));
        int version = previous.map(p -> p.version() + 1).orElse(1);
        int millis = (int) ((System.nanoTime() - started) / 1_000_000);
        snapshots.insert(new Snapshot(conversationId, version, loaded.voteCount(), loaded.lastVoteId(), loaded.key(),
                Instant.now(), millis, instance, computed.resultJson(), computed.stateJson()), computed.prioritiesJson());
        LOG.info("Analysed conversation {}: version {}, {} votes, {} groups, {} ms", conversationId, version,
                loaded.voteCount(), computed.groups(), millis);
        return Outcome.COMPUTED;
    }

    /** A run's output, serialized. */
    private record Computed(String resultJson, String stateJson, String prioritiesJson, int groups) {
    }

    private Computed compute(long conversationId, AnalysisInputs.Loaded loaded, String previousState) {
        try {
            AnalysisState state = previousState == null ? null : json.readValue(previousState, AnalysisState.class);
            AnalysisUpdate update = OpinionAnalysis.update(loaded.input(), state, AnalysisParameters.POLIS);
            return new Computed(json.writeValueAsString(update.result()), json.writeValueAsString(update.state()),
                    json.writeValueAsString(priorities(update.result())), update.result().groups().size());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot (de)serialize the analysis of conversation " + conversationId, e);
        }
    }

    private <T> T inBackground(Callable<T> task) {
        try {
            return compute.submit(task).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while analysing", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @PreDestroy
    void stop() {
        compute.shutdownNow();
    }

    private static Map<Long, Double> priorities(AnalysisResult result) {
        Map<Long, Double> priorities = new LinkedHashMap<>();
        for (AnalysisResult.StatementStats s : result.statementStats()) {
            priorities.put(s.statementId(), s.priority());
        }
        return priorities;
    }
}
