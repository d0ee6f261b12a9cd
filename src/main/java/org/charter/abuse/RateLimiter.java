package org.charter.abuse;

import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.charter.problem.Problem;

import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Token-bucket rate limits, one bucket per key and {@link Limit}. A caller over its budget gets a
 * {@link Problem.Kind#TOO_MANY_REQUESTS} problem saying how many seconds to wait.
 */
@Singleton
public final class RateLimiter {

    private final boolean enabled;
    private final InstantSource clock;
    private final Map<Limit, TokenBuckets> limits = new EnumMap<>(Limit.class);

    RateLimiter(RateLimitSettings settings, List<Budget> budgets, @Named(Clocks.RATE_LIMIT) InstantSource clock) {
        this.enabled = settings.enabled();
        this.clock = clock;
        Map<String, Budget> byName = budgets.stream().collect(Collectors.toMap(Budget::name, b -> b));
        long now = nanos();
        for (Limit limit : Limit.values()) {
            Budget budget = byName.get(limit.key());
            if (budget == null) {
                throw new IllegalStateException("no rate limit configured for " + limit.key()
                        + " (charter.abuse.rate-limit.budgets." + limit.key() + ".burst and .refill-every)");
            }
            limits.put(limit, new TokenBuckets(budget, settings.maxTracked(), now));
        }
    }

    public boolean enabled() {
        return enabled;
    }

    /** Takes one request from the key's budget, or throws 429 with the seconds until the next one is allowed. */
    public void take(Limit limit, String key) {
        take(limit, key, null, null);
    }

    /**
     * Takes one request from both budgets or from neither: a request the second refuses gives its token back to the
     * first, so that a participant is not charged for what their network's budget refused. A null key is not limited.
     */
    public void take(Limit first, String firstKey, Limit second, String secondKey) {
        if (!enabled) {
            return;
        }
        long now = nanos();
        if (firstKey != null) {
            refuseIfWaiting(first, limits.get(first).take(firstKey, now));
        }
        if (second != null && secondKey != null) {
            long wait = limits.get(second).take(secondKey, now);
            if (wait > 0 && firstKey != null) {
                limits.get(first).giveBack(firstKey, now);
            }
            refuseIfWaiting(second, wait);
        }
    }

    private static void refuseIfWaiting(Limit limit, long waitNanos) {
        if (waitNanos > 0) {
            long seconds = (waitNanos + 999_999_999L) / 1_000_000_000L;
            throw Problem.tooManyRequests(null, "too many " + limit.what() + " in a short time; try again in "
                    + seconds + (seconds == 1 ? " second" : " seconds"), seconds);
        }
    }

    int tracked(Limit limit) {
        return limits.get(limit).tracked();
    }

    private long nanos() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
