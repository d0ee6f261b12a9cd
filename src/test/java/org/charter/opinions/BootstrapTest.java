package org.charter.opinions;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BootstrapTest {

    @Test
    void constantValuesHaveAZeroWidthInterval() {
        assertArrayEquals(new double[]{0.7, 0.7}, Bootstrap.meanInterval(new double[]{0.7, 0.7, 0.7}, 3, 1000, 1, "x"), 1e-12);
    }

    @Test
    void twoValuesGiveAnIntervalInsideTheirRange() {
        // resample means of {0, 1} with n = 2 are 0, .5 or 1 with probabilities ¼, ½, ¼
        double[] ci = Bootstrap.meanInterval(new double[]{0, 1}, 2, 1000, 1, "x");
        assertEquals(0, ci[0], 1e-12);
        assertEquals(1, ci[1], 1e-12);
    }

    @Test
    void widthShrinksLikeOneOverRootN() {
        double[] small = new double[25];
        double[] large = new double[2500];
        for (int i = 0; i < large.length; i++) {
            large[i] = i % 2;
            if (i < small.length) {
                small[i] = i % 2;
            }
        }
        double wSmall = width(Bootstrap.meanInterval(small, small.length, 2000, 3, "x"));
        double wLarge = width(Bootstrap.meanInterval(large, large.length, 2000, 3, "x"));
        // normal approximation: 2 · 1.96 · 0.5 / √n = 0.392 (n = 25) and 0.0392 (n = 2500)
        assertEquals(0.392, wSmall, 0.06);
        assertEquals(0.0392, wLarge, 0.006);
    }

    private static double width(double[] ci) {
        return ci[1] - ci[0];
    }

    @Test
    void sameSeedAndKeySameInterval() {
        double[] v = {0.1, 0.5, 0.9, 0.3};
        assertArrayEquals(Bootstrap.meanInterval(v, 4, 500, 9, "Japan"), Bootstrap.meanInterval(v, 4, 500, 9, "Japan"));
        assertTrue(Bootstrap.meanInterval(v, 4, 500, 9, "Japan")[0] < Bootstrap.meanInterval(v, 4, 500, 9, "Japan")[1]);
    }

    @Test
    void noResamplesNoInterval() {
        assertNull(Bootstrap.meanInterval(new double[]{1}, 1, 0, 1, "x"));
    }
}
