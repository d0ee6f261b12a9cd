package org.charter.abuse;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;

import java.time.Duration;

/**
 * One rate-limit budget (a token bucket): up to {@code burst} requests at once, then one more every
 * {@code refillEvery}. Configured under {@code charter.abuse.rate-limit.budgets.<name>}; the names are those of
 * {@link Limit}.
 */
@EachProperty("charter.abuse.rate-limit.budgets")
public record Budget(@Parameter String name, int burst, Duration refillEvery) {

    public Budget {
        if (burst < 1) {
            throw new IllegalArgumentException("charter.abuse.rate-limit.budgets." + name + ".burst must be at least 1");
        }
        if (refillEvery == null || refillEvery.isNegative() || refillEvery.isZero()) {
            throw new IllegalArgumentException("charter.abuse.rate-limit.budgets." + name
                    + ".refill-every must be a positive duration such as 100ms");
        }
    }
}
