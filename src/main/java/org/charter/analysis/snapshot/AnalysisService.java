package org.charter.analysis.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.charter.analysis.AnalysisParameters;
import org.charter.analysis.AnalysisResult;
import org.charter.analysis.OpinionAnalysis;
import org.charter.cli.Output;
import org.charter.problem.Problem;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import java.io.UncheckedIOException;
import java.util.Optional;

/** Serves stored analyses and starts runs on request. */
@Singleton
public class AnalysisService {

    private final SnapshotStore snapshots;
    private final AnalysisRunner runner;
    private final AnalysisScheduler scheduler;
    private final AnalysisInputs inputs;

    AnalysisService(SnapshotStore snapshots, AnalysisRunner runner, AnalysisScheduler scheduler, AnalysisInputs inputs) {
        this.snapshots = snapshots;
        this.runner = runner;
        this.scheduler = scheduler;
        this.inputs = inputs;
    }

    @Transactional
    public SnapshotView latest(long conversationId) {
        return snapshots.latest(conversationId, SnapshotStore.Documents.RESULT)
                .map(s -> new SnapshotView(conversationId, s.version(), s.voteCount(), s.computedAt(), s.computedBy(),
                        false, s.resultJson()))
                .orElseGet(() -> {
                    scheduler.request(conversationId);
                    return new SnapshotView(conversationId, 0, 0, null, null, true, null);
                });
    }

    /** The latest stored result, parsed, for features that build on it (the constitution). */
    @Transactional
    public Optional<org.charter.analysis.AnalysisResult> latestResult(long conversationId) {
        return snapshots.latest(conversationId, SnapshotStore.Documents.RESULT).map(s -> {
            try {
                return Output.JSON.readValue(s.resultJson(), org.charter.analysis.AnalysisResult.class);
            } catch (java.io.IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Runs the analysis now (waiting for a run in progress elsewhere to finish first). */
    public SnapshotView recompute(long conversationId) {
        for (int attempt = 0; attempt < 600; attempt++) {
            if (runner.run(conversationId, true) != AnalysisRunner.Outcome.BUSY) {
                return latest(conversationId);
            }
            sleep();
        }
        throw new IllegalStateException("the analysis lock of conversation " + conversationId + " was held for a minute");
    }

    /**
     * The conversation analysed with participants grouped by their answer to a metadata question (e.g. country):
     * each group's votes, representative statements and the consensus across those groups. Computed on request,
     * not stored.
     */
    @Transactional
    public Breakdown breakdown(long conversationId, String key) {
        AnalysisInputs.Answers answers = inputs.answers(conversationId, key)
                .orElseThrow(() -> Problem.notFound("by", "this conversation has no metadata question '" + key + "'"));
        List<String> values = answers.byParticipant().values().stream().distinct().sorted().toList();
        Map<Integer, String> groups = new LinkedHashMap<>();
        Map<Long, Integer> groupOf = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            groups.put(i, values.get(i));
        }
        answers.byParticipant().forEach((participant, answer) -> groupOf.put(participant, values.indexOf(answer)));
        AnalysisInputs.Loaded loaded = inputs.load(conversationId);
        AnalysisResult result = OpinionAnalysis.update(loaded.input().withGroups(groupOf), null, AnalysisParameters.POLIS).result();
        try {
            return new Breakdown(key, answers.label(), groups, groupOf.size(), Output.JSON.writeValueAsString(result));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public ParticipantPlace place(long conversationId, long participantId, long voted) {
        Optional<Snapshot> latest = snapshots.latest(conversationId, SnapshotStore.Documents.RESULT);
        if (latest.isEmpty()) {
            return new ParticipantPlace(participantId, voted, null, null, 0);
        }
        try {
            JsonNode result = Output.JSON.readTree(latest.get().resultJson());
            String id = Long.toString(participantId);
            JsonNode group = result.path("participantGroups").path(id);
            JsonNode point = result.path("projection").path(id);
            double[] position = point.isArray() && point.size() == 2
                    ? new double[]{point.get(0).asDouble(), point.get(1).asDouble()} : null;
            return new ParticipantPlace(participantId, voted, group.isNumber() ? group.asInt() : null, position,
                    latest.get().version());
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
