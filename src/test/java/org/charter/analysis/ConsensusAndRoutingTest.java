package org.charter.analysis;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** §6 (consensus), Charter's divisiveness, and §7.1 (routing priority) on hand-computed cases. */
class ConsensusAndRoutingTest {

    private static final GroupTallies TWO_GROUPS = new GroupTallies(new int[]{0, 1}, new int[2][],
            new int[][]{{3, 4}, {1, 0}}, new int[][]{{0, 0}, {3, 4}}, new int[][]{{4, 4}, {4, 4}});

    @Test
    void groupInformedConsensusIsTheProductOfSmoothedAgreeRates() {
        // Statement 0: (3+1)/(4+2) · (1+1)/(4+2) = 4/6 · 2/6
        assertEquals((4.0 / 6) * (2.0 / 6), Consensus.groupInformed(TWO_GROUPS, 0), 1e-16);
        // Statement 1: 5/6 · 1/6
        assertEquals((5.0 / 6) * (1.0 / 6), Consensus.groupInformed(TWO_GROUPS, 1), 1e-16);
    }

    @Test
    void divisivenessIsHalfTheSpreadOfTheGroupsStances() {
        // Statement 1: group 0 stance (4 − 0)/(4 + 2), group 1 (0 − 4)/(4 + 2): (4/6 + 4/6)/2.
        assertEquals(4.0 / 6, Divisiveness.of(TWO_GROUPS, 1), 1e-15);
        // Statement 0: (3/6 − (−2/6))/2.
        assertEquals(5.0 / 12, Divisiveness.of(TWO_GROUPS, 0), 1e-15);
    }

    @Test
    void majorityListsNeedAClearAndSignificantMajority() {
        // Statement 0: 8 of 10 agree: pa = 9/12, pat = 2·√11·(9/11 − 0.5) > 1.2816.
        // Statement 1: 5 of 10 agree: pa = 6/12 is not above 1/2. Statement 2: 7 of 10 disagree.
        VoteMatrix m = TestVotes.matrix("++-", "++-", "++-", "++-", "++-", "+--", "+-+", "+-+", "-00", "-00");
        List<Consensus.Majority> agree = Consensus.majority(m, true, 5, 1.2816);
        assertEquals(1, agree.size());
        assertEquals(0, agree.getFirst().column());
        assertEquals(0.75, agree.getFirst().pSuccess(), 0.0);
        assertEquals(2 * Math.sqrt(11) * (9.0 / 11 - 0.5), agree.getFirst().pTest(), 1e-12);
        List<Consensus.Majority> disagree = Consensus.majority(m, false, 5, 1.2816);
        // Statement 1: 5 disagree of 10 → not a majority; statement 2: 6 disagree of 10 → pd = 7/12,
        // pdt = 2·√11·(7/11 − 0.5) = 0.9045 < 1.2816: not significant.
        assertEquals(List.of(), disagree);
    }

    @Test
    void routingPriority() {
        // Unseen, no extremity: ((1 − 1/2)·1·(1/2) · 9)² = 2.25².
        assertEquals(5.0625, RoutingPriority.of(false, 0, 0, 0, 0), 1e-15);
        // S = 10, A = 6, P = 2, E = 0.5: p = 3/12, a = 7/12; importance 0.75·1.5·7/12; novelty 1 + 8/4.
        assertEquals(Math.pow(0.75 * 1.5 * 7 / 12 * 3, 2), RoutingPriority.of(false, 6, 2, 10, 0.5), 1e-14);
        assertEquals(49.0, RoutingPriority.of(true, 6, 2, 10, 0.5), 0.0);
    }
}
