package org.charter.analysis.snapshot;

import java.time.Instant;

/** A stored analysis: its version, what it saw, and the result and state as JSON text. */
record Snapshot(long conversationId, int version, long voteCount, long lastVoteId, String inputKey,
                Instant computedAt, int durationMs, String computedBy, String resultJson, String stateJson) {
}
