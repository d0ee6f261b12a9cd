package org.charter.analysis;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** §1.2: the raw, moderated and centred matrices in one sparse structure. */
class VoteMatrixTest {

    private static VoteMatrix example() {
        Votes votes = Votes.builder()
                .add(10, 2, 1)
                .add(10, 1, -1)
                .add(5, 1, 1)
                .add(5, 2, 1)
                .add(10, 2, 0)   // participant 10 changes their mind: pass replaces agree
                .add(7, 3, -1)
                .build();
        List<AnalysisInput.Statement> statements = List.of(AnalysisInput.Statement.of(1),
                AnalysisInput.Statement.of(2), new AnalysisInput.Statement(3, true, false));
        return VoteMatrix.of(votes, statements);
    }

    @Test
    void rowsAndColumnsAreSortedByIdAndTheLatestVoteWins() {
        VoteMatrix m = example();
        assertArrayEquals(new long[]{5, 7, 10}, m.participantIds);
        assertArrayEquals(new long[]{1, 2, 3}, m.statementIds);
        assertEquals(5, m.votes());
        int p10 = m.rowOf(10);
        assertEquals(2, m.voteCount(p10));
        assertArrayEquals(new int[]{0, 1}, java.util.Arrays.copyOfRange(m.col, m.rowStart[p10], m.rowStart[p10 + 1]));
        assertArrayEquals(new byte[]{-1, 0}, java.util.Arrays.copyOfRange(m.value, m.rowStart[p10], m.rowStart[p10 + 1]));
        // First appearance: 10, then 5, then 7.
        assertEquals(0, m.arrival[m.rowOf(10)]);
        assertEquals(1, m.arrival[m.rowOf(5)]);
        assertEquals(2, m.arrival[m.rowOf(7)]);
    }

    @Test
    void talliesMeansAndCentredEntries() {
        VoteMatrix m = example();
        // Statement 1: −1 (p10), +1 (p5) → mean 0. Statement 2: +1 (p5), 0 (p10) → mean 1/2.
        assertArrayEquals(new int[]{1, 1, 0}, m.agrees);
        assertArrayEquals(new int[]{1, 0, 1}, m.disagrees);
        assertArrayEquals(new int[]{2, 2, 1}, m.seen);
        assertArrayEquals(new double[]{0, 0.5, 0}, m.mean, 0.0);
        // Statement 3 is moderated out: zeroed for everybody, so its mean and its centred entries are 0.
        assertEquals(1, m.excludedColumns);
        int p7 = m.rowOf(7);
        assertEquals(0.0, m.centered[m.rowStart[p7]], 0.0);
        int p10 = m.rowOf(10);
        assertEquals(-1.0, m.centered[m.rowStart[p10]], 0.0);     // −1 − 0
        assertEquals(-0.5, m.centered[m.rowStart[p10] + 1], 0.0); // 0 − 1/2
    }

    @Test
    void bothWaysOfBuildingGiveTheSameMatrix() {
        java.util.Random random = new java.util.Random(5);
        Votes.Builder b = Votes.builder();
        for (int i = 0; i < 5000; i++) {
            b.add(random.nextInt(200), random.nextInt(40), random.nextInt(3) - 1); // repeats included
        }
        Votes votes = b.build();
        VoteMatrix counting = VoteMatrix.of(votes, TestVotes.statements(40), false);
        VoteMatrix sorting = VoteMatrix.of(votes, TestVotes.statements(40), true);
        assertArrayEquals(counting.rowStart, sorting.rowStart);
        assertArrayEquals(counting.col, sorting.col);
        assertArrayEquals(counting.value, sorting.value);
        // And the last vote on each pair is the one kept.
        java.util.Map<Long, Integer> last = new java.util.HashMap<>();
        int[] p = votes.participantIndex();
        int[] s = votes.statementIndex();
        for (int k = 0; k < votes.size(); k++) {
            last.put(votes.participantIds()[p[k]] * 1000 + votes.statementIds()[s[k]], (int) votes.values()[k]);
        }
        assertEquals(last.size(), counting.votes());
        for (int r = 0; r < counting.rows(); r++) {
            for (int k = counting.rowStart[r]; k < counting.rowStart[r + 1]; k++) {
                long key = counting.participantIds[r] * 1000 + counting.statementIds[counting.col[k]];
                assertEquals(last.get(key), (int) counting.value[k]);
            }
        }
    }

    @Test
    void votesOutsideTheScaleAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Votes.builder().add(1, 1, 2));
    }
}
