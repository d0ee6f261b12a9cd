package org.charter.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import org.charter.problem.Problem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Failed bean validation becomes a 400 problem document whose {@code where} is the field as the client wrote it
 * ({@code seedStatements[1]}, {@code statementId}), not Micronaut's method-parameter path.
 */
@Produces
@Singleton
@Replaces(ConstraintExceptionHandler.class)
final class ConstraintViolationHandler implements ExceptionHandler<ConstraintViolationException, HttpResponse<ProblemBody>> {

    @Override
    @SuppressWarnings("rawtypes") // the interface declares the raw type
    public HttpResponse<ProblemBody> handle(HttpRequest request, ConstraintViolationException exception) {
        List<ConstraintViolation<?>> violations = exception.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> field(v.getPropertyPath())))
                .toList();
        String detail = violations.stream().map(v -> field(v.getPropertyPath()) + ": " + v.getMessage())
                .collect(Collectors.joining("; "));
        String where = violations.isEmpty() ? null : field(violations.getFirst().getPropertyPath());
        return ProblemBody.response(Problem.Kind.INVALID, detail, where);
    }

    /** The property path without the controller method and parameter names. */
    static String field(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT || node.getName() == null || node.getName().startsWith("<")) {
                if (node.getIndex() != null) {
                    field.append('[').append(node.getIndex()).append(']');
                }
                continue;
            }
            if (!field.isEmpty()) {
                field.append('.');
            }
            field.append(node.getName());
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? path.toString() : field.toString();
    }
}
