package org.charter.abuse;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code charter.abuse.rate-limit}: whether the limits apply, how the client's address is found, and how many keys
 * each budget tracks at most. The budgets themselves are {@link Budget}s.
 *
 * @param enabled        false turns every rate limit off (the vote benchmark does, to measure the server itself)
 * @param trustedProxies how many reverse proxies in front of Charter append to {@code X-Forwarded-For}; 0 (the
 *                       default) ignores the header, which any client can forge, and uses the socket's address
 * @param maxTracked     keys (participants, addresses) held per budget, which bounds memory
 */
@ConfigurationProperties("charter.abuse.rate-limit")
public record RateLimitSettings(@Bindable(defaultValue = "true") boolean enabled,
                                @Bindable(defaultValue = "0") int trustedProxies,
                                @Bindable(defaultValue = "100000") int maxTracked) {
}
