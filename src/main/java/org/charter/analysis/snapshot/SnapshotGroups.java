package org.charter.analysis.snapshot;

import jakarta.inject.Singleton;
import org.charter.conversation.PolisExporter;

import java.util.Map;

/** The opinion groups of the latest snapshot, for exports. */
@Singleton
final class SnapshotGroups implements PolisExporter.Groups {

    private final AnalysisService analyses;

    SnapshotGroups(AnalysisService analyses) {
        this.analyses = analyses;
    }

    @Override
    public Map<Long, Integer> of(long conversationId) {
        return analyses.latestResult(conversationId).map(r -> r.participantGroups()).orElse(Map.of());
    }
}
