package org.charter.abuse;

import org.charter.problem.Problem;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The token bucket's arithmetic and its bounded memory, on a clock given as numbers. */
class TokenBucketsTest {

    private static final long SECOND = 1_000_000_000L;

    private static TokenBuckets buckets(int burst, Duration refill, int maxTracked) {
        return new TokenBuckets(new Budget("test", burst, refill), maxTracked, 0);
    }

    @Test
    void aBurstThenOneTokenPerRefillInterval() {
        TokenBuckets b = buckets(3, Duration.ofSeconds(2), 100);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, b.take("k", 0));
        }
        assertEquals(2 * SECOND, b.take("k", 0), "a whole interval to wait");
        assertEquals(SECOND / 2, b.take("k", 3 * SECOND / 2), "three quarters refilled");
        assertEquals(0, b.take("k", 2 * SECOND));
        assertEquals(2 * SECOND, b.take("k", 2 * SECOND));
        assertEquals(0, b.take("other", 2 * SECOND), "keys are independent");
        // a long pause refills the burst, no more
        for (int i = 0; i < 3; i++) {
            assertEquals(0, b.take("k", 100 * SECOND));
        }
        assertEquals(2 * SECOND, b.take("k", 100 * SECOND));
    }

    @Test
    void aClockSetBackRefillsNothing() {
        TokenBuckets b = buckets(1, Duration.ofSeconds(10), 100);
        assertEquals(0, b.take("k", 50 * SECOND));
        assertEquals(10 * SECOND, b.take("k", 20 * SECOND));
        assertEquals(0, b.take("k", 60 * SECOND), "refilled ten seconds after the take, not after the clock's jump back");
    }

    @Test
    void aTokenGivenBackCanBeTakenAgain() {
        TokenBuckets b = buckets(1, Duration.ofHours(1), 100);
        assertEquals(0, b.take("k", 0));
        b.giveBack("k", 0);
        assertEquals(0, b.take("k", 0));
        assertEquals(3600 * SECOND, b.take("k", 0));
    }

    @Test
    void idleKeysAreForgottenSoMemoryStaysBounded() {
        TokenBuckets b = buckets(2, Duration.ofMillis(100), 100_000);
        for (int i = 0; i < 5_000; i++) {
            b.take("participant-" + i, 0);
        }
        assertEquals(5_000, b.tracked());
        b.take("still-busy", TokenBuckets.SWEEP_EVERY_NANOS - 1);
        b.take("still-busy", TokenBuckets.SWEEP_EVERY_NANOS - 1);
        assertEquals(5_001, b.tracked(), "no sweep before a minute has passed");
        b.take("new", TokenBuckets.SWEEP_EVERY_NANOS);
        assertEquals(2, b.tracked(), "only the busy key and the new one are left after the sweep");
    }

    @Test
    void pastTheMostTrackedKeysNewKeysGoUnlimitedRatherThanRefused() {
        TokenBuckets b = buckets(1, Duration.ofHours(1), 3);
        for (String key : List.of("a", "b", "c")) {
            assertEquals(0, b.take(key, 0));
        }
        for (int i = 0; i < 5; i++) {
            assertEquals(0, b.take("d", 0), "not tracked, so not limited");
        }
        assertEquals(3, b.tracked());
        assertEquals(3600 * SECOND, b.take("a", 0), "tracked keys stay limited");
    }

    @Test
    void theLimiterRefusesWithWholeSecondsAndChargesNeitherBudgetForARefusal() {
        Instant[] now = {Instant.EPOCH};
        List<Budget> budgets = java.util.Arrays.stream(Limit.values())
                .map(l -> new Budget(l.key(), 2, Duration.ofMillis(1500))).toList();
        RateLimiter limiter = new RateLimiter(new RateLimitSettings(true, 0, 100), budgets, () -> now[0]);
        limiter.take(Limit.VOTES_PER_PARTICIPANT, "p", Limit.VOTES_PER_ADDRESS, "a");
        limiter.take(Limit.VOTES_PER_PARTICIPANT, "q", Limit.VOTES_PER_ADDRESS, "a");
        Problem refused = assertThrows(Problem.class,
                () -> limiter.take(Limit.VOTES_PER_PARTICIPANT, "p", Limit.VOTES_PER_ADDRESS, "a"));
        assertEquals(Problem.Kind.TOO_MANY_REQUESTS, refused.kind());
        assertEquals(2, refused.retryAfterSeconds(), "1.5 s rounds up to 2");
        // p's own budget was given back: from another address p still has one vote
        limiter.take(Limit.VOTES_PER_PARTICIPANT, "p", Limit.VOTES_PER_ADDRESS, "b");
        assertThrows(Problem.class, () -> limiter.take(Limit.VOTES_PER_PARTICIPANT, "p", Limit.VOTES_PER_ADDRESS, "c"));
    }

    @Test
    void aDisabledLimiterRefusesNothing() {
        List<Budget> budgets = java.util.Arrays.stream(Limit.values())
                .map(l -> new Budget(l.key(), 1, Duration.ofHours(1))).toList();
        RateLimiter limiter = new RateLimiter(new RateLimitSettings(false, 0, 100), budgets, () -> Instant.EPOCH);
        for (int i = 0; i < 10; i++) {
            limiter.take(Limit.JOINS_PER_ADDRESS, "127.0.0.1");
        }
        assertEquals(0, limiter.tracked(Limit.JOINS_PER_ADDRESS));
    }

    @Test
    void aMissingBudgetStopsStartUpWithItsName() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new RateLimiter(
                new RateLimitSettings(true, 0, 100), List.of(new Budget("votes-per-participant", 1, Duration.ofSeconds(1))),
                () -> Instant.EPOCH));
        assertEquals(true, e.getMessage().contains("votes-per-address"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Budget("x", 0, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new Budget("x", 1, Duration.ZERO));
    }
}
