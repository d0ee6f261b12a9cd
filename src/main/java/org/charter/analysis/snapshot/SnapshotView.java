package org.charter.analysis.snapshot;

import com.fasterxml.jackson.annotation.JsonRawValue;

import java.time.Instant;

/**
 * The latest analysis of a conversation: {@code result} is an {@link org.charter.analysis.AnalysisResult}, or null
 * (with {@code pending} true) before the first run.
 */
public record SnapshotView(long conversationId, int version, long voteCount, Instant computedAt, String computedBy,
                           boolean pending, @JsonRawValue String result) {
}
