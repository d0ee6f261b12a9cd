package org.charter.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.charter.problem.Problem;

import java.time.Duration;

/** Organizer sign-up, sign-in and sign-out. Sign-in answers a bearer token and sets the same token as a cookie. */
@Controller("/api/auth")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Organizers")
class AuthController {

    private final OrganizerService organizers;
    private final SecuritySettings settings;

    AuthController(OrganizerService organizers, SecuritySettings settings) {
        this.organizers = organizers;
        this.settings = settings;
    }

    @Introspected
    record Registration(@NotBlank String email, @NotBlank String name, @NotBlank String password) {
    }

    @Introspected
    record Credentials(@NotBlank String email, @NotBlank String password) {
    }

    record SessionView(Organizer organizer, String token) {
    }

    @Operation(summary = "Create an organizer account (when open registration is enabled) and sign in")
    @Post("/register")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<SessionView> register(@Body @Valid Registration registration, HttpRequest<?> request) {
        if (!settings.openRegistration()) {
            throw Problem.of(Problem.Kind.FORBIDDEN, null,
                    "registration is closed on this server; ask an administrator for an account");
        }
        organizers.create(registration.email(), registration.name(), registration.password());
        OrganizerService.Session session = organizers.signIn(registration.email(), registration.password());
        return withCookie(HttpResponse.created(new SessionView(session.organizer(), session.token())), session.token(), request);
    }

    @Operation(summary = "Sign in with email and password; answers a bearer token")
    @Post("/login")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<SessionView> login(@Body @Valid Credentials credentials, HttpRequest<?> request) {
        OrganizerService.Session session = organizers.signIn(credentials.email(), credentials.password());
        return withCookie(HttpResponse.ok(new SessionView(session.organizer(), session.token())), session.token(), request);
    }

    @Operation(summary = "Sign out: the token stops working")
    @Post("/logout")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<Void> logout(HttpRequest<?> request) {
        OrganizerAuthenticationFetcher.token(request).ifPresent(organizers::revoke);
        return HttpResponse.<Void>noContent().cookie(Cookie.of(OrganizerAuthenticationFetcher.COOKIE, "").maxAge(0).path("/"));
    }

    @Operation(summary = "The signed-in organizer")
    @Get("/me")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    Organizer me(@Nullable Authentication authentication) {
        return organizers.findByEmail(String.valueOf(authentication.getAttributes().get("email")))
                .orElseThrow(() -> Problem.of(Problem.Kind.UNAUTHORIZED, null, "sign in again"));
    }

    private <T> MutableHttpResponse<T> withCookie(MutableHttpResponse<T> response, String token, HttpRequest<?> request) {
        return response.cookie(Cookie.of(OrganizerAuthenticationFetcher.COOKIE, token)
                .httpOnly(true)
                .secure(settings.secureCookie(request.isSecure()))
                .sameSite(SameSite.Strict)
                .path("/")
                .maxAge(Duration.ofDays(30)));
    }
}
