package org.charter.analysis;

import java.util.Arrays;

/**
 * The votes an analysis sees: for each (participant, statement) pair, the participant's latest vote. Agree = +1,
 * disagree = −1, pass = 0; a pair that is absent was not voted on (polis-math.md §1.1: Charter keeps agree = +1
 * everywhere). Ids are the caller's own {@code long} ids.
 *
 * <p>Supply the votes in the order they were cast when you can (a vote history in time order, or the latest votes
 * ordered by time): the order in which participants first appear is the "data order" from which Polis's k-means
 * starts (polis-math.md §3.2), so it shapes the first base clusters. Any fixed order gives reproducible results.
 *
 * <p>Stored column-wise in primitive arrays (about 9 bytes per vote) so that tens of millions of votes fit
 * comfortably in memory. Build with {@link #builder()}; if the same pair is added more than once, the <em>last</em>
 * one added wins, so feeding the vote history in time order yields the latest votes. Immutable once built.
 */
public final class Votes {

    private final long[] participantIds;
    private final long[] statementIds;
    private final int[] participant;
    private final int[] statement;
    private final byte[] value;

    private Votes(long[] participantIds, long[] statementIds, int[] participant, int[] statement, byte[] value) {
        this.participantIds = participantIds;
        this.statementIds = statementIds;
        this.participant = participant;
        this.statement = statement;
        this.value = value;
    }

    public static Builder builder() {
        return new Builder(1024);
    }

    /** A builder sized for about {@code expectedVotes} votes (it grows as needed). */
    public static Builder builder(int expectedVotes) {
        return new Builder(expectedVotes);
    }

    /** Number of votes added (a pair added twice counts twice until the matrix is built). */
    public int size() {
        return value.length;
    }

    /** Distinct participants that voted. */
    public int participantCount() {
        return participantIds.length;
    }

    /** Receives votes one by one. */
    @FunctionalInterface
    public interface Visitor {
        void vote(long participantId, long statementId, int value);
    }

    /** Each vote, in the order it was added. */
    public void forEach(Visitor visitor) {
        for (int i = 0; i < value.length; i++) {
            visitor.vote(participantIds[participant[i]], statementIds[statement[i]], value[i]);
        }
    }

    long[] participantIds() {
        return participantIds;
    }

    long[] statementIds() {
        return statementIds;
    }

    int[] participantIndex() {
        return participant;
    }

    int[] statementIndex() {
        return statement;
    }

    byte[] values() {
        return value;
    }

    /** Collects votes; {@link #build()} may be called repeatedly (each call copies), e.g. once per replay window. */
    public static final class Builder {

        private final LongIndex participants;
        private final LongIndex statements;
        private int[] participant;
        private int[] statement;
        private byte[] value;
        private int size;

        private Builder(int expected) {
            int capacity = Math.max(16, expected);
            participants = new LongIndex(Math.max(16, capacity / 16));
            statements = new LongIndex(256);
            participant = new int[capacity];
            statement = new int[capacity];
            value = new byte[capacity];
        }

        /**
         * Adds a vote; a later vote on the same pair replaces an earlier one.
         *
         * @param vote +1 agree, −1 disagree, 0 pass
         * @throws IllegalArgumentException if {@code vote} is not −1, 0 or 1
         */
        public Builder add(long participantId, long statementId, int vote) {
            if (vote < -1 || vote > 1) {
                throw new IllegalArgumentException("vote must be -1, 0 or 1, not " + vote);
            }
            if (size == value.length) {
                int capacity = value.length + (value.length >> 1) + 16;
                participant = Arrays.copyOf(participant, capacity);
                statement = Arrays.copyOf(statement, capacity);
                value = Arrays.copyOf(value, capacity);
            }
            participant[size] = participants.intern(participantId);
            statement[size] = statements.intern(statementId);
            value[size] = (byte) vote;
            size++;
            return this;
        }

        public int size() {
            return size;
        }

        public Votes build() {
            return new Votes(participants.ids(), statements.ids(), Arrays.copyOf(participant, size),
                    Arrays.copyOf(statement, size), Arrays.copyOf(value, size));
        }
    }
}
