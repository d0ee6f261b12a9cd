package org.charter.security;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recognizes an organizer by a bearer token ({@code Authorization: Bearer ...}) or by the session cookie the
 * web app gets at sign-in. The token lookup is a database query, so it runs off the event loop.
 */
@Singleton
final class OrganizerAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {

    static final String COOKIE = "charter_session";
    static final String ROLE = "organizer";

    private final OrganizerService organizers;

    OrganizerAuthenticationFetcher(OrganizerService organizers) {
        this.organizers = organizers;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        Optional<String> token = token(request);
        if (token.isEmpty()) {
            return Mono.empty();
        }
        return Mono.fromCallable(() -> organizers.findByToken(token.get()).map(OrganizerAuthenticationFetcher::authentication).orElse(null))
                .subscribeOn(Schedulers.boundedElastic());
    }

    static Optional<String> token(HttpRequest<?> request) {
        Optional<String> header = request.getHeaders().get(HttpHeaders.AUTHORIZATION, String.class)
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).strip())
                .filter(t -> !t.isEmpty());
        return header.isPresent() ? header : request.getCookies().findCookie(COOKIE).map(Cookie::getValue);
    }

    private static Authentication authentication(Organizer o) {
        return Authentication.build(String.valueOf(o.id()), List.of(ROLE),
                Map.of(CurrentOrganizer.ID, o.id(), "email", o.email(), "name", o.displayName()));
    }
}
