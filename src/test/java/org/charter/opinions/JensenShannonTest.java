package org.charter.opinions;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hand-computed cases; the working is in each comment (ln 2 = 0.693147…, ln(4/3) = 0.287682…). */
class JensenShannonTest {

    @Test
    void identicalDistributionsHaveDistanceZeroAndSimilarityOne() {
        assertEquals(0, JensenShannon.distance(new double[]{0.2, 0.3, 0.5}, new double[]{0.2, 0.3, 0.5}, LogBase.TWO), 1e-12);
        assertEquals(1, JensenShannon.similarity(new double[]{0.2, 0.3, 0.5}, new double[]{0.2, 0.3, 0.5}, LogBase.TWO), 1e-12);
    }

    @Test
    void disjointDistributionsAreOneApartInBaseTwoAndRootLnTwoInNats() {
        // M = (½, ½); each KL term = ln 2, divergence = ln 2 nats = 1 bit
        assertEquals(1, JensenShannon.distance(new double[]{1, 0}, new double[]{0, 1}, LogBase.TWO), 1e-12);
        assertEquals(Math.sqrt(Math.log(2)), JensenShannon.distance(new double[]{1, 0}, new double[]{0, 1}, LogBase.E), 1e-12);
    }

    @Test
    void certainVersusEvenSplit() {
        // P = (1, 0), Q = (½, ½), M = (¾, ¼): KL(P‖M) = ln(4/3) = 0.287682; KL(Q‖M) = ½ ln(2/3) + ½ ln 2 = 0.143841
        // divergence = (0.287682 + 0.143841) / 2 = 0.215762 nats = 0.311278 bits; distance = √ = 0.557923 (base 2)
        assertEquals(0.557923, JensenShannon.distance(new double[]{1, 0}, new double[]{0.5, 0.5}, LogBase.TWO), 1e-6);
        // natural log: √0.215762 = 0.464502
        assertEquals(0.464501, JensenShannon.distance(new double[]{1, 0}, new double[]{0.5, 0.5}, LogBase.E), 1e-6);
    }

    @Test
    void mirroredThreeOptionCase() {
        // P = (.2,.3,.5), Q = (.5,.3,.2), M = (.35,.3,.35): each KL = .2 ln(.2/.35) + .5 ln(.5/.35) = 0.066414
        // divergence = 0.066414 nats = 0.095816 bits; distance = 0.309541
        assertEquals(0.309541, JensenShannon.distance(new double[]{.2, .3, .5}, new double[]{.5, .3, .2}, LogBase.TWO), 1e-6);
    }

    @Test
    void normalizesBothVectorsFirstLikeScipy() {
        double scaled = JensenShannon.distance(new double[]{2, 0}, new double[]{30, 30}, LogBase.TWO);
        assertEquals(JensenShannon.distance(new double[]{1, 0}, new double[]{0.5, 0.5}, LogBase.TWO), scaled, 1e-15);
    }

    @Test
    void isSymmetric() {
        double[] p = {0.1, 0.6, 0.3};
        double[] q = {0.5, 0.25, 0.25};
        assertEquals(JensenShannon.distance(p, q, LogBase.TWO), JensenShannon.distance(q, p, LogBase.TWO), 1e-15);
    }

    @Test
    void aDistributionSummingToZeroCannotBeCompared() {
        assertTrue(Double.isNaN(JensenShannon.distance(new double[]{0, 0}, new double[]{0.5, 0.5}, LogBase.TWO)));
    }

    @Test
    void refusesVectorsOfDifferentLengths() {
        assertThrows(IllegalArgumentException.class,
                () -> JensenShannon.distance(new double[]{1, 0}, new double[]{1, 0, 0}, LogBase.TWO));
    }
}
