package org.charter.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import org.charter.problem.Problem;

/**
 * An RFC 7807 problem document: {@code detail} says what was wrong in a sentence, {@code where} names the
 * field, parameter or file:line at fault (absent when the whole request is).
 */
public record ProblemBody(String type, String title, int status, String detail, String where) {

    /** The response every error handler answers: this kind's status and title, the document, its content type. */
    static MutableHttpResponse<ProblemBody> response(Problem.Kind kind, String detail, String where) {
        return HttpResponse.<ProblemBody>status(HttpStatus.valueOf(kind.status()))
                .body(new ProblemBody("about:blank", kind.title(), kind.status(), detail, where))
                .contentType(ProblemBodyProvider.CONTENT_TYPE);
    }
}
