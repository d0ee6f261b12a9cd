package org.charter.analysis;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** §5: statistics of groups against the others, and the selection of representative statements. */
class RepnessTest {

    private static final double Z = 1.2816;

    @Test
    void statisticsCompareEachGroupWithAllOthers() {
        // One statement; group 0: 3 agree of 4; group 1: 1 agree of 2; group 2: 0 agree, 2 disagree of 2.
        GroupTallies t = new GroupTallies(new int[]{0, 1, 2}, new int[3][],
                new int[][]{{3}, {1}, {0}}, new int[][]{{0}, {1}, {2}}, new int[][]{{4}, {2}, {2}});
        Repness.Stats s = Repness.stats(t, new boolean[1])[0][0];
        assertEquals(4.0 / 6, s.pa(), 1e-15);
        assertEquals(1.0 / 6, s.pd(), 1e-15);
        // The out-group of group 0 is groups 1 and 2: 1 agree, 3 disagree of 4.
        assertEquals(PolisStats.repness(3, 4, 1, 4), s.ra(), 0.0);
        assertEquals(PolisStats.twoPropTest(3, 1, 4, 4), s.rat(), 0.0);
        assertEquals(PolisStats.twoPropTest(0, 3, 4, 4), s.rdt(), 0.0);
        assertEquals(PolisStats.propTest(3, 4), s.pat(), 0.0);
    }

    private static Repness.Stats stats(int column, long na, long nd, long ns, double pa, double pd, double pat,
                                       double pdt, double ra, double rd, double rat, double rdt) {
        return new Repness.Stats(column, na, nd, ns, pa, pd, pat, pdt, ra, rd, rat, rdt);
    }

    @Test
    void significantStatementsAreRankedBestAgreeFirstAndAgreesBeforeDisagrees() {
        Repness.Stats[] group = {
                stats(0, 9, 1, 10, 0.83, 0.17, 2.0, -2.0, 1.5, 0.5, 2.0, -2.0),  // agree, metric 1.5·2·0.83·2
                stats(1, 1, 9, 10, 0.17, 0.83, -2.0, 3.0, 0.5, 3.0, -2.0, 3.0),  // disagree, metric 3·3·0.83·3
                stats(2, 8, 2, 10, 0.75, 0.25, 1.9, -1.9, 1.2, 0.8, 1.5, -1.5),  // agree, small metric
                stats(3, 5, 5, 10, 0.5, 0.5, 0.0, 0.0, 1.0, 1.0, 0.0, 0.0),      // not significant
                null,                                                               // excluded column
                stats(5, 10, 0, 10, 0.92, 0.08, 3.0, -3.0, 2.0, 0.2, 4.0, -4.0), // agree, the best-agree
        };
        List<Repness.Selected> selected = Repness.select(group, 5, Z);
        assertEquals(List.of(5, 0, 2, 1), selected.stream().map(Repness.Selected::column).toList());
        assertTrue(selected.getFirst().bestAgree());
        assertEquals(10, selected.getFirst().nAgree());
        assertEquals(List.of(true, true, true, false), selected.stream().map(Repness.Selected::agree).toList());
        // At most pick, before the agree/disagree reordering: the disagree statement (second best) survives.
        assertEquals(List.of(5, 1), Repness.select(group, 2, Z).stream().map(Repness.Selected::column).toList());
    }

    @Test
    void withNothingSignificantTheBestAgreeOrTheBestTestIsReturned() {
        Repness.Stats[] weakAgree = {
                stats(0, 3, 2, 6, 0.5, 0.375, 0.9, 0.0, 1.1, 0.9, 0.5, -0.5),
                stats(1, 1, 4, 6, 0.25, 0.625, -0.9, 1.0, 0.8, 1.3, -0.5, 1.2),
        };
        // No statement passes both tests; statement 0 has ra > 1 but pa = 0.5 is not above 1/2, and pat < z:
        // statement 1 is not an agree candidate either (ra < 1): no best agree, so the best test (max(rat, rdt)).
        List<Repness.Selected> selected = Repness.select(weakAgree, 5, Z);
        assertEquals(List.of(1), selected.stream().map(Repness.Selected::column).toList());
        assertEquals(false, selected.getFirst().agree());
        assertEquals(List.of(), Repness.select(new Repness.Stats[]{null}, 5, Z));
    }
}
