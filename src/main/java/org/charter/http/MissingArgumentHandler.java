package org.charter.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.UnsatisfiedRouteHandler;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.inject.Singleton;
import org.charter.problem.Problem;

/**
 * A request without something the route requires (no body, or a JSON {@code null} body; a required query value
 * or header) is a 400 problem naming it as the client knows it, not by the Java argument Micronaut reports.
 */
@Produces
@Singleton
@Replaces(UnsatisfiedRouteHandler.class)
final class MissingArgumentHandler implements ExceptionHandler<UnsatisfiedRouteException, HttpResponse<ProblemBody>> {

    @Override
    @SuppressWarnings("rawtypes") // the interface declares the raw type
    public HttpResponse<ProblemBody> handle(HttpRequest request, UnsatisfiedRouteException exception) {
        Argument<?> argument = exception.getArgument();
        String where;
        String detail;
        if (argument.getAnnotationMetadata().hasAnnotation(Body.class)) {
            where = null;
            detail = "the request needs a body: " + JsonProblems.expected(argument.getType());
        } else {
            where = argument.getAnnotationMetadata().stringValue(Header.class).orElse(argument.getName());
            detail = where + " is required";
        }
        return ProblemBody.response(Problem.Kind.INVALID, detail, where);
    }
}
