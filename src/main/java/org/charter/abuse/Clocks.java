package org.charter.abuse;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.InstantSource;

/**
 * The time the rate limits refill by: the system clock (tests put a clock they turn by hand in its place). Named,
 * since other modules offer clocks of their own (a {@link java.time.Clock} is an InstantSource too).
 */
@Factory
final class Clocks {

    static final String RATE_LIMIT = "rate-limit";

    @Singleton
    @Named(RATE_LIMIT)
    InstantSource rateLimitClock() {
        return InstantSource.system();
    }
}
