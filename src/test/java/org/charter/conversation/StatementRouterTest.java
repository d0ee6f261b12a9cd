package org.charter.conversation;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class StatementRouterTest {

    @Test
    void anUnseenStatementGetsPolisPriorityForNoVotes() {
        // p = a = (0 + 1) / (0 + 2) = 1/2, E = 0: importance = (1 - 1/2)(0 + 1)(1/2) = 1/4; novelty 1 + 8·2^0 = 9
        assertEquals(Math.pow(0.25 * 9, 2), StatementRouter.UNSEEN_PRIORITY, 1e-12);
        assertEquals(5.0625, StatementRouter.weight(new StatementRouter.Candidate(1, false), Map.of()), 1e-12);
    }

    @Test
    void weightsFollowPrioritiesWithPolisFallbacks() {
        Map<Long, Double> p = Map.of(1L, 3.5, 2L, 0.0, 3L, 10.0);
        assertEquals(3.5, StatementRouter.weight(new StatementRouter.Candidate(1, false), p));
        assertEquals(1.0, StatementRouter.weight(new StatementRouter.Candidate(2, false), p), "a zero priority counts as 1");
        assertEquals(49.0, StatementRouter.weight(new StatementRouter.Candidate(3, true), p), "meta statements get 7²");
    }

    @Test
    void drawsInProportionToWeight() {
        List<StatementRouter.Candidate> candidates = List.of(new StatementRouter.Candidate(1, false),
                new StatementRouter.Candidate(2, false));
        Map<Long, Double> p = Map.of(1L, 1.0, 2L, 3.0);
        Random random = new Random(1);
        int second = 0;
        int draws = 40_000;
        for (int i = 0; i < draws; i++) {
            if (StatementRouter.pick(candidates, p, random).id() == 2) {
                second++;
            }
        }
        assertEquals(0.75, second / (double) draws, 0.01);
        assertNull(StatementRouter.pick(List.of(), p, random));
    }
}
