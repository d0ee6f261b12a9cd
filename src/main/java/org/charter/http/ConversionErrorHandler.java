package org.charter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.charter.problem.Problem;

import java.util.Optional;

/**
 * A request value that does not convert to what the route takes (a JSON body of the wrong shape, {@code ?limit=abc},
 * a path id that is no number) is a 400 problem whose {@code where} names the value as the client wrote it: the JSON
 * path inside a body, else the parameter. Micronaut's own answer names the Java argument and quotes Jackson.
 */
@Produces
@Singleton
@Replaces(io.micronaut.http.server.exceptions.ConversionErrorHandler.class)
final class ConversionErrorHandler implements ExceptionHandler<ConversionErrorException, HttpResponse<ProblemBody>> {

    @Override
    @SuppressWarnings("rawtypes") // the interface declares the raw type
    public HttpResponse<ProblemBody> handle(HttpRequest request, ConversionErrorException exception) {
        Optional<JsonProcessingException> json = JsonProblems.find(exception);
        String where;
        String detail;
        if (json.isPresent()) {
            where = JsonProblems.where(json.get());
            detail = JsonProblems.detail(json.get());
        } else {
            where = exception.getArgument().getName();
            Object value = exception.getConversionError().getOriginalValue().orElse(null);
            detail = "expected " + JsonProblems.expected(exception.getArgument().getType())
                    + (value == null ? "" : ", got " + JsonProblems.shown(value));
        }
        return ProblemBody.response(Problem.Kind.INVALID, detail, where);
    }
}
