package org.charter.analysis.snapshot;

import org.charter.analysis.Votes;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The current vote of each (participant, statement), read in any order, handed to the analysis in the order they
 * were cast (by vote id): the order in which participants first appear is where Polis's base clusters start from
 * (docs/analysis.md). Reading the same pair again keeps the vote with the higher id, so history rows read since the
 * last run can be laid over the votes of that run.
 */
final class CastVotes {

    private static final int EMPTY = -1;

    private long[] participant = new long[1024];
    private long[] statement = new long[1024];
    private byte[] value = new byte[1024];
    private long[] voteId = new long[1024];
    private int size;
    /** Open addressing: the row of each pair, EMPTY where free; at most half full. */
    private int[] rowAt = emptySlots(2048);

    /** Adds the vote, or replaces the pair's vote if this one has a higher id. */
    void add(long participantId, long statementId, int vote, long id) {
        int at = slot(participantId, statementId);
        int row = rowAt[at];
        if (row != EMPTY) {
            if (id > voteId[row]) {
                value[row] = (byte) vote;
                voteId[row] = id;
            }
            return;
        }
        if (size == voteId.length) {
            int capacity = size + (size >> 1);
            participant = Arrays.copyOf(participant, capacity);
            statement = Arrays.copyOf(statement, capacity);
            value = Arrays.copyOf(value, capacity);
            voteId = Arrays.copyOf(voteId, capacity);
        }
        participant[size] = participantId;
        statement[size] = statementId;
        value[size] = (byte) vote;
        voteId[size] = id;
        rowAt[at] = size++;
        if (size * 2 > rowAt.length) {
            rehash();
        }
    }

    int size() {
        return size;
    }

    /** The votes by ascending vote id (ties, which the schema does not forbid, keep the order they were read in). */
    Votes inCastOrder() {
        Votes.Builder votes = Votes.builder(size);
        for (int row : rowsByVoteId()) {
            votes.add(participant[row], statement[row], value[row]);
        }
        return votes.build();
    }

    private int slot(long participantId, long statementId) {
        int mask = rowAt.length - 1;
        int at = mix(participantId * 0x9E3779B97F4A7C15L + statementId) & mask;
        while (rowAt[at] != EMPTY && (participant[rowAt[at]] != participantId || statement[rowAt[at]] != statementId)) {
            at = (at + 1) & mask;
        }
        return at;
    }

    private void rehash() {
        rowAt = emptySlots(rowAt.length * 2);
        for (int row = 0; row < size; row++) {
            rowAt[slot(participant[row], statement[row])] = row;
        }
    }

    private static int[] emptySlots(int n) {
        int[] slots = new int[n];
        Arrays.fill(slots, EMPTY);
        return slots;
    }

    private static int mix(long key) {
        long h = key ^ (key >>> 33);
        h *= 0xFF51AFD7ED558CCDL;
        return (int) (h ^ (h >>> 33));
    }

    private int[] rowsByVoteId() {
        long[] sorted = Arrays.copyOf(voteId, size);
        Arrays.sort(sorted);
        for (int i = 1; i < size; i++) {
            if (sorted[i] == sorted[i - 1]) {
                return IntStream.range(0, size).boxed().sorted(Comparator.comparingLong(row -> voteId[row]))
                        .mapToInt(Integer::intValue).toArray();
            }
        }
        // Distinct ids: each row's rank is where its id sits in the sorted ids.
        int[] rows = new int[size];
        for (int row = 0; row < size; row++) {
            rows[Arrays.binarySearch(sorted, voteId[row])] = row;
        }
        return rows;
    }
}
