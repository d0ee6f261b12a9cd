package org.charter.testing;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.ClientFilter;
import io.micronaut.http.annotation.RequestFilter;

/**
 * In test classes that set {@code charter.test.sign-in-opinions=true}, the test's HTTP client signs requests to the
 * opinions API in with {@link #token}, unless the request says who it is itself.
 */
@ClientFilter(patterns = "/api/opinions/**")
@Requires(property = "charter.test.sign-in-opinions", value = "true")
public final class SignedInOpinionsClient {

    public static volatile String token;

    @RequestFilter
    void signIn(MutableHttpRequest<?> request) {
        if (token != null && !request.getHeaders().contains(HttpHeaders.AUTHORIZATION)) {
            request.bearerAuth(token);
        }
    }
}
