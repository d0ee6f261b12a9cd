package org.charter.analysis.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.charter.analysis.AnalysisParameters;
import org.charter.analysis.AnalysisResult;
import org.charter.analysis.AnalysisState;
import org.charter.analysis.AnalysisUpdate;
import org.charter.analysis.OpinionAnalysis;
import org.charter.cli.Output;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One analysis run of a stored conversation, in one transaction: take the conversation's advisory lock, start from
 * the latest snapshot's state, run {@link OpinionAnalysis#update} (the same code path as {@code analyze --replay}),
 * store the new snapshot. A run that fails or is killed leaves the previous snapshot in place.
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

    AnalysisRunner(SnapshotStore snapshots, AnalysisInputs inputs,
                   @Value("${charter.instance-id:}") String instanceId) {
        this.snapshots = snapshots;
        this.inputs = inputs;
        // Identifies this app instance in computed_by: host and process unless configured.
        this.instance = instanceId.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : instanceId;
    }

    @Transactional
    Outcome run(long conversationId, boolean force) {
        if (!snapshots.tryLock(conversationId)) {
            return Outcome.BUSY;
        }
        var previous = snapshots.latest(conversationId, true);
        if (!force && previous.isPresent() && previous.get().inputKey().equals(inputs.key(conversationId))) {
            return Outcome.UNCHANGED;
        }
        long started = System.nanoTime();
        AnalysisInputs.Loaded loaded = inputs.load(conversationId);
        try {
            AnalysisState state = previous.isPresent() ? json.readValue(previous.get().stateJson(), AnalysisState.class) : null;
            AnalysisUpdate update = OpinionAnalysis.update(loaded.input(), state, AnalysisParameters.POLIS);
            int version = previous.map(p -> p.version() + 1).orElse(1);
            int millis = (int) ((System.nanoTime() - started) / 1_000_000);
            snapshots.insert(new Snapshot(conversationId, version, loaded.voteCount(), loaded.lastVoteId(), loaded.key(),
                    Instant.now(), millis, instance, json.writeValueAsString(update.result()),
                    json.writeValueAsString(update.state())), json.writeValueAsString(priorities(update.result())));
            LOG.info("Analysed conversation {}: version {}, {} votes, {} groups, {} ms", conversationId, version,
                    loaded.voteCount(), update.result().groups().size(), millis);
            return Outcome.COMPUTED;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot (de)serialize the analysis of conversation " + conversationId, e);
        }
    }

    private static Map<Long, Double> priorities(AnalysisResult result) {
        Map<Long, Double> priorities = new LinkedHashMap<>();
        for (AnalysisResult.StatementStats s : result.statementStats()) {
            priorities.put(s.statementId(), s.priority());
        }
        return priorities;
    }
}
