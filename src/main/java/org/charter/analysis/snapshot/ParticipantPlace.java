package org.charter.analysis.snapshot;

/**
 * Where a participant stands in the latest analysis: their group (null when not placed in one) and their point
 * on the opinion map (null before they have voted, or before the first analysis).
 */
public record ParticipantPlace(long participantId, long voted, Integer group, double[] position, int version) {
}
