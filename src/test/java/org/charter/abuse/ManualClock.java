package org.charter.abuse;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/**
 * In test classes that set {@code charter.test.manual-clock=true}, the rate limits refill by this clock, which only the
 * test moves: what a test sees does not depend on how fast the machine runs it.
 */
@Singleton
@Named(Clocks.RATE_LIMIT)
@Replaces(value = InstantSource.class, factory = Clocks.class)
@Requires(property = "charter.test.manual-clock", value = "true")
final class ManualClock implements InstantSource {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2030-01-01T00:00:00Z"));

    @Override
    public Instant instant() {
        return now.get();
    }

    void advance(Duration d) {
        now.updateAndGet(t -> t.plus(d));
    }
}
