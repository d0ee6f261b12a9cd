package org.charter.opinions;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hand-computed cases: WD = Σ |F(x_k) − G(x_k)| (x_{k+1} − x_k), normalized by x_max − x_min. */
class WassersteinTest {

    private static final double NaN = Double.NaN;

    private static OrdinalScale scale(double... positions) {
        return new OrdinalScale(positions, "test");
    }

    @Test
    void oppositeEndsAreAsFarApartAsPossible() {
        // F = (1,1,1), G = (0,0,1): |1-0|·1 + |1-0|·1 = 2; span 2 → 1
        assertEquals(1, Wasserstein.normalizedDistance(new double[]{1, 0, 0}, new double[]{0, 0, 1}, scale(1, 2, 3)), 1e-12);
        assertEquals(0, Wasserstein.similarity(new double[]{1, 0, 0}, new double[]{0, 0, 1}, scale(1, 2, 3)), 1e-12);
    }

    @Test
    void neighbouringPointsAreHalfWayOnAThreePointScale() {
        // F = (1,1,1), G = (0,1,1): 1·1 + 0·1 = 1; span 2 → 0.5
        assertEquals(0.5, Wasserstein.normalizedDistance(new double[]{1, 0, 0}, new double[]{0, 1, 0}, scale(1, 2, 3)), 1e-12);
        // F = (.5,1,1), G = (0,.5,1): .5 + .5 = 1 → 0.5
        assertEquals(0.5, Wasserstein.normalizedDistance(new double[]{.5, .5, 0}, new double[]{0, .5, .5}, scale(1, 2, 3)), 1e-12);
    }

    @Test
    void middleAnswerAtOnePointFiveAsOpinionQaPlacesAboutTheSame() {
        // options Better(1), Worse(2), About the same(1.5); sorted 1, 1.5, 2
        // P = (.2,.5,.3) → F = (.2, .5, 1); Q = (.6,.1,.3) → G = (.6, .9, 1): .4·.5 + .4·.5 = .4; span 1 → .4
        assertEquals(0.4, Wasserstein.normalizedDistance(new double[]{.2, .5, .3}, new double[]{.6, .1, .3}, scale(1, 2, 1.5)), 1e-12);
    }

    @Test
    void offScaleOptionsAreDroppedAndTheRestRenormalized() {
        // "Refused" off the scale: P = (.5, 0 | .5) → (1, 0); Q = (0, 1 | 0); WD = 1, span 1 → 1
        assertEquals(1, Wasserstein.normalizedDistance(new double[]{.5, 0, .5}, new double[]{0, 1, 0}, scale(1, 2, NaN)), 1e-12);
        // P = (.3, .3 | .4) → (.5, .5); Q = (.5, .5 | 0): identical on the scale
        assertEquals(0, Wasserstein.normalizedDistance(new double[]{.3, .3, .4}, new double[]{.5, .5, 0}, scale(1, 2, NaN)), 1e-12);
    }

    @Test
    void binaryQuestionsMeasureTheDifferenceInTheFirstShare() {
        assertEquals(0.35, Wasserstein.normalizedDistance(new double[]{.8, .2}, new double[]{.45, .55}, scale(1, 2)), 1e-12);
    }

    @Test
    void unevenSpacingWeighsTheGaps() {
        // positions 0, 1, 4 (span 4); P at 0, Q at 1: F − G = 1 on [0,1) → WD 1 → 0.25
        assertEquals(0.25, Wasserstein.normalizedDistance(new double[]{1, 0, 0}, new double[]{0, 1, 0}, scale(0, 1, 4)), 1e-12);
    }

    @Test
    void noMassOnTheScaleCannotBeCompared() {
        assertTrue(Double.isNaN(Wasserstein.normalizedDistance(new double[]{0, 0, 1}, new double[]{.5, .5, 0}, scale(1, 2, NaN))));
    }
}
