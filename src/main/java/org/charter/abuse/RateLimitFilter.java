package org.charter.abuse;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Rate limits on what participants can do without signing in: voting, writing statements (per participant token and
 * per client address, separate budgets) and joining (per address, so that one machine cannot mint tokens without
 * end). Runs before authentication and before the body is read, so a refused request costs no database work.
 */
@ServerFilter(patterns = {RateLimitFilter.VOTES, RateLimitFilter.STATEMENTS, RateLimitFilter.JOIN}, methods = HttpMethod.POST)
final class RateLimitFilter implements Ordered {

    static final String VOTES = "/api/conversations/*/votes";
    static final String STATEMENTS = "/api/conversations/*/statements";
    static final String JOIN = "/api/conversations/*/participants";
    /** The participant's identity header (as in StatementController). */
    private static final String PARTICIPANT_TOKEN = "X-Participant-Token";

    private final RateLimiter limiter;
    private final int trustedProxies;

    RateLimitFilter(RateLimiter limiter, RateLimitSettings settings) {
        this.limiter = limiter;
        this.trustedProxies = settings.trustedProxies();
    }

    @RequestFilter
    void limit(HttpRequest<?> request) {
        if (!limiter.enabled()) {
            return;
        }
        String path = request.getPath();
        String address = ClientAddress.of(request.getRemoteAddress(), request.getHeaders().getAll("X-Forwarded-For"), trustedProxies);
        String token = request.getHeaders().get(PARTICIPANT_TOKEN);
        // a request counts against both budgets or, when either refuses it, against neither
        if (path.endsWith("/votes")) {
            limiter.take(Limit.VOTES_PER_PARTICIPANT, token, Limit.VOTES_PER_ADDRESS, address);
        } else if (path.endsWith("/statements")) {
            limiter.take(Limit.STATEMENTS_PER_PARTICIPANT, token, Limit.STATEMENTS_PER_ADDRESS, address);
        } else {
            limiter.take(Limit.JOINS_PER_ADDRESS, address);
        }
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }
}
