package org.charter.http;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.charter.problem.Problem;

/** Answers a service's {@link Problem} with its status and a problem document. */
@Produces
@Singleton
final class ProblemExceptionHandler implements ExceptionHandler<Problem, HttpResponse<ProblemBody>> {

    @Override
    @SuppressWarnings("rawtypes") // the interface declares the raw type
    public HttpResponse<ProblemBody> handle(HttpRequest request, Problem problem) {
        MutableHttpResponse<ProblemBody> response = ProblemBody.response(problem.kind(), problem.getMessage(), problem.where());
        if (problem.kind() == Problem.Kind.TOO_MANY_REQUESTS) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, problem.retryAfterSeconds())));
        }
        return response;
    }
}
