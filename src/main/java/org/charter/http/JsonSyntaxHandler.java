package org.charter.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.JsonExceptionHandler;
import io.micronaut.json.JsonSyntaxException;
import jakarta.inject.Singleton;
import org.charter.problem.Problem;

/** A body that is not JSON at all (cut off, invalid UTF-8) is a 400 problem saying where the JSON broke. */
@Produces
@Singleton
@Replaces(JsonExceptionHandler.class)
final class JsonSyntaxHandler implements ExceptionHandler<JsonSyntaxException, HttpResponse<ProblemBody>> {

    @Override
    @SuppressWarnings("rawtypes") // the interface declares the raw type
    public HttpResponse<ProblemBody> handle(HttpRequest request, JsonSyntaxException exception) {
        String where = JsonProblems.find(exception.getCause()).map(JsonProblems::where).orElse(null);
        String detail = JsonProblems.find(exception.getCause()).map(JsonProblems::detail)
                .orElse("the body is not valid JSON");
        return ProblemBody.response(Problem.Kind.INVALID, detail, where);
    }
}
