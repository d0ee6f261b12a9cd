package org.charter.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;

import java.util.stream.Collectors;

/**
 * Makes every error Micronaut produces (unknown route, malformed JSON, failed validation, our own
 * {@link org.charter.problem.Problem}) a problem document, so clients see one error shape.
 */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
final class ProblemBodyProvider implements JsonErrorResponseBodyProvider<ProblemBody> {

    static final String CONTENT_TYPE = "application/problem+json";

    @Override
    public ProblemBody body(ErrorContext context, HttpResponse<?> response) {
        int status = response.code();
        String title = response.reason();
        if (status >= 500) {
            // Never leak internals; the log has the stack trace.
            return new ProblemBody("about:blank", title, status,
                    status == 503 ? "The service is temporarily unavailable; try again shortly."
                            : "Something went wrong on our side; the error has been logged.", null);
        }
        if (!context.hasErrors()) {
            return new ProblemBody("about:blank", title, status, title, null);
        }
        Error first = context.getErrors().getFirst();
        String detail = context.getErrors().stream().map(ProblemBodyProvider::describe).collect(Collectors.joining("; "));
        return new ProblemBody("about:blank", first.getTitle().orElse(title), status, detail,
                first.getPath().map(ProblemBodyProvider::fieldName).orElse(null));
    }

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    private static String describe(Error error) {
        return error.getPath().map(p -> fieldName(p) + ": ").orElse("") + error.getMessage();
    }

    /** Validation paths look like {@code create.command.topic}; the client knows the field as {@code topic}. */
    private static String fieldName(String path) {
        String[] parts = path.split("\\.");
        return parts.length >= 3 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length)) : path;
    }
}
