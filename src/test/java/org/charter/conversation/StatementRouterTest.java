package org.charter.conversation;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class StatementRouterTest {

    private static StatementRouter.Candidate c(long id, boolean meta) {
        return new StatementRouter.Candidate(id, meta, "statement " + id);
    }

    @Test
    void anUnseenStatementGetsPolisPriorityForNoVotes() {
        // p = a = (0 + 1) / (0 + 2) = 1/2, E = 0: importance = (1 - 1/2)(0 + 1)(1/2) = 1/4; novelty 1 + 8·2^0 = 9
        assertEquals(Math.pow(0.25 * 9, 2), StatementRouter.UNSEEN_PRIORITY, 1e-12);
        assertEquals(5.0625, StatementRouter.weight(c(1, false), Map.of()), 1e-12);
    }

    @Test
    void weightsFollowPrioritiesWithPolisFallbacks() {
        Map<Long, Double> p = Map.of(1L, 3.5, 2L, 0.0, 3L, 10.0);
        assertEquals(3.5, StatementRouter.weight(c(1, false), p));
        assertEquals(1.0, StatementRouter.weight(c(2, false), p), "a zero priority counts as 1");
        assertEquals(49.0, StatementRouter.weight(c(3, true), p), "meta statements get 7²");
    }

    @Test
    void drawsInProportionToWeightAmongTheStatementsNotVotedOn() {
        // weights 1, 3, 6; the participant voted on statement 3, so 1 and 2 are drawn 1 : 3
        StatementRouter router = StatementRouter.of(List.of(c(1, false), c(2, false), c(3, false)),
                Map.of(1L, 1.0, 2L, 3.0, 3L, 6.0));
        Random random = new Random(1);
        int second = 0;
        int draws = 40_000;
        for (int i = 0; i < draws; i++) {
            long id = router.draw(Set.of(3L), random).id();
            assertEquals(true, id != 3, "never a statement already voted on");
            if (id == 2) {
                second++;
            }
        }
        assertEquals(0.75, second / (double) draws, 0.01);
        assertEquals(2, router.remaining(Set.of(3L)));
        assertEquals(2, router.remaining(Set.of(3L, 99L)), "a vote on a statement no longer open does not count");
        assertEquals(3, router.remaining(Set.of()));
        assertEquals(2L, router.find(2).id());
        assertEquals(null, router.find(99));
    }

    @Test
    void theFallbackDrawsExactlyWhenAlmostEverythingIsVotedOn() {
        // 200 heavy statements voted on, two light ones left: rejection gives up, the explicit pass draws 1 : 3
        List<StatementRouter.Candidate> open = new java.util.ArrayList<>();
        Map<Long, Double> p = new java.util.HashMap<>();
        Set<Long> voted = new java.util.HashSet<>();
        for (long id = 10; id < 210; id++) {
            open.add(c(id, false));
            p.put(id, 1000.0);
            voted.add(id);
        }
        open.add(c(1, false));
        open.add(c(2, false));
        p.put(1L, 1.0);
        p.put(2L, 3.0);
        StatementRouter router = StatementRouter.of(open, p);
        Random random = new Random(2);
        int second = 0;
        for (int i = 0; i < 20_000; i++) {
            if (router.draw(voted, random).id() == 2) {
                second++;
            }
        }
        assertEquals(0.75, second / 20_000.0, 0.015);
        voted.add(1L);
        voted.add(2L);
        assertNull(router.draw(voted, random));
        assertNull(StatementRouter.of(List.of(), p).draw(Set.of(), random));
    }
}
