package org.charter.analysis.snapshot;

import org.charter.analysis.Votes;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Current votes read in any order, handed to the analysis in the order they were cast (by vote id): the order in which
 * participants first appear is where Polis's base clusters start from (docs/analysis.md).
 */
final class CastVotes {

    private long[] participant = new long[1024];
    private long[] statement = new long[1024];
    private byte[] value = new byte[1024];
    private long[] voteId = new long[1024];
    private int size;

    void add(long participantId, long statementId, int vote, long id) {
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
        size++;
    }

    /** The votes by ascending vote id (ties, which the schema does not forbid, keep the order they were read in). */
    Votes inCastOrder() {
        Votes.Builder votes = Votes.builder(size);
        for (int row : rowsByVoteId()) {
            votes.add(participant[row], statement[row], value[row]);
        }
        return votes.build();
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
