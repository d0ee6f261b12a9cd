package org.charter.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The participants who are clustered, "in the conversation" (polis-math.md §1.4, §16 C3): those with at least
 * {@code min(7, C)} votes (moderated-out statements count), topped up to 15 with the most active others while
 * fewer qualify, and never removed once in. The set is part of the analysis state because it is history: early
 * top-up members stay for ever.
 */
final class InConversation {

    private InConversation() {
    }

    /**
     * The new in-conversation set.
     *
     * @param previous the previous set, sorted ascending (empty on the first update)
     * @param minVotes the vote threshold (Polis: 7), capped at the number of statement columns
     * @param greedy   the size the set is topped up to (Polis: 15)
     * @return participant ids, sorted ascending
     */
    static long[] update(long[] previous, VoteMatrix m, int minVotes, int greedy) {
        int threshold = Math.min(minVotes, m.columns());
        int rows = m.rows();
        boolean[] in = new boolean[rows];
        int present = 0;
        for (long id : previous) {
            int r = m.rowOf(id);
            if (r >= 0) {
                in[r] = true;
                present++;
            }
        }
        for (int r = 0; r < rows; r++) {
            if (!in[r] && m.voteCount(r) >= threshold) {
                in[r] = true;
                present++;
            }
        }
        if (present < greedy) {
            List<Integer> others = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                if (!in[r]) {
                    others.add(r);
                }
            }
            // Most votes first; among equals, the earlier participant (lower id), for determinism.
            others.sort(Comparator.comparingInt((Integer r) -> -m.voteCount(r)).thenComparingInt(r -> r));
            for (int i = 0; i < others.size() && present < greedy; i++) {
                in[others.get(i)] = true;
                present++;
            }
        }
        long[] merged = new long[previous.length + rows];
        int n = 0;
        for (long id : previous) {
            merged[n++] = id;
        }
        for (int r = 0; r < rows; r++) {
            if (in[r] && Arrays.binarySearch(previous, m.participantIds[r]) < 0) {
                merged[n++] = m.participantIds[r];
            }
        }
        long[] result = Arrays.copyOf(merged, n);
        Arrays.sort(result);
        return result;
    }
}
