package org.charter.abuse;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.HttpServerConfiguration;
import org.charter.problem.Problem;

import java.util.regex.Pattern;

/**
 * Refuses request bodies under {@code /api} that are larger than the route needs (413), by their
 * {@code Content-Length}, before any of the body is read. A body without a length (chunked) is refused with 411 on
 * these routes, since its size is only known after reading it; browsers, curl and HTTP libraries send the length for
 * JSON. Survey and answer-set uploads are checked against the server's limit ({@code micronaut.server.max-request-size})
 * here and against their own ({@code charter.opinions.max-upload-bytes}) by the service; a chunked upload is counted
 * by Micronaut as it arrives.
 */
@ServerFilter("/api/**")
final class BodySizeFilter implements Ordered {

    /** Routes anyone can call without signing in. */
    private static final Pattern PARTICIPANT = Pattern.compile(
            "/api/(auth/.*|conversations/[^/]+/(votes|statements|participants|me/answers))");
    /** Upload routes: CSV and JSON-lines files of many megabytes. */
    private static final Pattern UPLOAD = Pattern.compile("/api/opinions/datasets(/[^/]+/answer-sets)?");

    private final BodyLimits limits;
    private final long serverLimit;

    BodySizeFilter(BodyLimits limits, HttpServerConfiguration server) {
        this.limits = limits;
        this.serverLimit = server.getMaxRequestSize();
    }

    @RequestFilter
    void check(HttpRequest<?> request) {
        if (!HttpMethod.permitsRequestBody(request.getMethod())) {
            return;
        }
        String path = request.getPath();
        long length = request.getContentLength();
        if (request.getMethod() == HttpMethod.POST && UPLOAD.matcher(path).matches()) {
            // the server's limit, said before reading (the service checks the file against max-upload-bytes)
            if (length > serverLimit) {
                throw Problem.of(Problem.Kind.TOO_LARGE, "body", "the upload has " + length + " bytes; the server"
                        + " accepts at most " + serverLimit);
            }
            return;
        }
        boolean participant = PARTICIPANT.matcher(path).matches();
        long limit = participant ? limits.participant() : limits.api();
        if (length > limit) {
            throw Problem.of(Problem.Kind.TOO_LARGE, "body", "the request body has " + length + " bytes; this endpoint"
                    + " accepts at most " + limit);
        }
        if (length < 0 && request.getHeaders().contains(HttpHeaders.TRANSFER_ENCODING)) {
            throw Problem.of(Problem.Kind.LENGTH_REQUIRED, HttpHeaders.CONTENT_LENGTH, "send the body with a"
                    + " Content-Length header (at most " + limit + " bytes) rather than in chunks");
        }
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.after();
    }
}
