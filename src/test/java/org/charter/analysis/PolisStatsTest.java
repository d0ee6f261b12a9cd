package org.charter.analysis;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** §5.1 formulas on hand-computed cases. */
class PolisStatsTest {

    @Test
    void ratiosAreRoundedThroughSixteenDigitsAsInClojure() {
        // 2/3 correctly rounded is 0.6666666666666666; through 16 decimal digits it is 0.6666666666666667.
        assertEquals(0.6666666666666667, PolisStats.ratio(2, 3), 0.0);
        assertNotEquals(2.0 / 3, PolisStats.ratio(2, 3));
        assertEquals(0.888888888888889, PolisStats.ratio(16, 18), 0.0); // Polis's stored p-success for 15/16
        assertEquals(3.0, PolisStats.ratio(6, 2), 0.0);
    }

    @Test
    void laplaceSmoothedProbability() {
        assertEquals(4.0 / 6, PolisStats.smoothed(3, 4), 1e-15);  // (3 + 1) / (4 + 2)
        assertEquals(0.5, PolisStats.smoothed(0, 0), 0.0);
    }

    @Test
    void oneProportionTestAgainstOneHalf() {
        // 2·√(4+1)·((3+1)/(4+1) − 0.5) = 2·√5·0.3
        assertEquals(2 * Math.sqrt(5) * 0.3, PolisStats.propTest(3, 4), 1e-12);
        assertEquals(1.3416407864998738, PolisStats.propTest(3, 4), 1e-12);
        assertEquals(1.0, PolisStats.propTest(0, 0), 0.0); // 2·√1·(1/1 − 0.5)
    }

    @Test
    void twoProportionTest() {
        // counts +1: π1 = 4/5, π2 = 2/5, π̂ = 6/10; z = 0.4 / √(0.6·0.4·(1/5 + 1/5)) = 0.4 / √0.096
        assertEquals(0.4 / Math.sqrt(0.096), PolisStats.twoPropTest(3, 1, 4, 4), 1e-12);
        assertEquals(1.2909944487358056, PolisStats.twoPropTest(3, 1, 4, 4), 1e-12);
        assertEquals(-1.2909944487358056, PolisStats.twoPropTest(1, 3, 4, 4), 1e-12);
        // Everyone voted the same way: π̂ = 1 and Polis answers 0.
        assertEquals(0.0, PolisStats.twoPropTest(4, 6, 4, 6), 0.0);
    }

    @Test
    void representativenessRatio() {
        // ((3+1)/(4+2)) / ((1+1)/(4+2)) = 2
        assertEquals(2.0, PolisStats.repness(3, 4, 1, 4), 0.0);
        // ((0+1)/(2+2)) / ((1+5)/(2+8)) = 0.25 / 0.6
        assertEquals(0.25 / 0.6, PolisStats.repness(0, 2, 5, 8), 1e-15);
    }

    @Test
    void significanceThresholdIsPolisRoundedNormalQuantile() {
        assertEquals(1.2816, PolisStats.zThreshold(0.90), 0.0);
        assertEquals(1.6449, PolisStats.zThreshold(0.95), 0.0);
        assertEquals(1.2816, AnalysisParameters.POLIS.zThreshold(), 0.0);
    }
}
