package org.charter.abuse;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.InstantSource;

/** The time the rate limits refill by: the system clock (tests put a clock they turn by hand in its place). */
@Factory
final class Clocks {

    @Singleton
    InstantSource rateLimitClock() {
        return InstantSource.system();
    }
}
