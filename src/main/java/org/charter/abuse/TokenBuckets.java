package org.charter.abuse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The token buckets of one {@link Budget}, one per key (a participant token, a client address). Memory is bounded:
 * a bucket that has refilled to its burst is the same as a new one, so a periodic sweep forgets it without losing
 * anything; and at most {@code maxTracked} keys are held — past that, new keys go unlimited (and a warning is
 * logged) rather than shutting real participants out while the table is full.
 */
final class TokenBuckets {

    private static final Logger LOG = LoggerFactory.getLogger(TokenBuckets.class);
    /** How often the idle buckets are forgotten. */
    static final long SWEEP_EVERY_NANOS = 60_000_000_000L;

    private final Budget budget;
    private final double refillNanos;
    private final int maxTracked;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep;
    private final AtomicLong lastWarning = new AtomicLong(Long.MIN_VALUE);

    TokenBuckets(Budget budget, int maxTracked, long now) {
        this.budget = budget;
        this.refillNanos = budget.refillEvery().toNanos();
        this.maxTracked = maxTracked;
        this.lastSweep = new AtomicLong(now);
    }

    /** Takes one token from the key's bucket at time {@code now} (nanoseconds): 0 when granted, else the nanoseconds until one is. */
    long take(String key, long now) {
        long last = lastSweep.get();
        if (now - last >= SWEEP_EVERY_NANOS && lastSweep.compareAndSet(last, now)) {
            sweep(now);
        }
        if (buckets.size() >= maxTracked && !buckets.containsKey(key)) {
            sweep(now);
            if (buckets.size() >= maxTracked) {
                long warned = lastWarning.get();
                if (now - warned >= SWEEP_EVERY_NANOS && lastWarning.compareAndSet(warned, now)) {
                    LOG.warn("rate limit {}: {} keys are tracked, the most allowed (charter.abuse.rate-limit.max-tracked);"
                            + " new keys are not limited until older ones go idle", budget.name(), buckets.size());
                }
                return 0;
            }
        }
        long[] wait = new long[1];
        // compute() runs under the key's lock: a take and the sweep's removal of the same key cannot interleave
        buckets.compute(key, (k, bucket) -> {
            Bucket b = bucket == null ? new Bucket(budget.burst(), now) : bucket;
            wait[0] = b.take(now);
            return b;
        });
        return wait[0];
    }

    /** Gives back a token taken by {@link #take} for a request that another limit then refused. */
    void giveBack(String key, long now) {
        buckets.computeIfPresent(key, (k, b) -> {
            b.giveBack(now);
            return b;
        });
    }

    /** Forgets the buckets that are full again. */
    void sweep(long now) {
        for (String key : buckets.keySet()) {
            buckets.computeIfPresent(key, (k, b) -> b.fullAt(now) ? null : b);
        }
    }

    int tracked() {
        return buckets.size();
    }

    /** Tokens (fractional while refilling) and when they were last counted; guarded by the map's per-key lock. */
    private final class Bucket {
        private double tokens;
        private long countedAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.countedAt = now;
        }

        long take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) * refillNanos);
        }

        void giveBack(long now) {
            refill(now);
            tokens = Math.min(budget.burst(), tokens + 1);
        }

        boolean fullAt(long now) {
            refill(now);
            return tokens >= budget.burst();
        }

        private void refill(long now) {
            if (now > countedAt) { // a clock set back refills nothing
                tokens = Math.min(budget.burst(), tokens + (now - countedAt) / refillNanos);
                countedAt = now;
            }
        }
    }
}
