package org.charter.http;

import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.transaction.exceptions.TransactionException;
import jakarta.inject.Singleton;
import org.charter.database.DatabaseFailure;
import org.charter.database.DatabaseUnavailableException;
import org.charter.problem.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failed database calls, answered by what they mean for the client. While PostgreSQL is unreachable or restarting
 * (the connection pool times out, or a pooled connection was cut) the answer is 503 with {@code Retry-After}: the
 * request did not happen and may be sent again; the pool connects anew once the server is back. Text PostgreSQL
 * cannot store is the client's 400. Anything else stays a logged 500. Micronaut's data layer wraps the SQLException
 * in one of these unrelated exception types (no pool connection, a pooled connection found closed, a failed
 * statement, a failed commit); each gets a handler.
 */
final class DatabaseFailureHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseFailureHandlers.class);
    /** Seconds a client should wait before trying again: about what a PostgreSQL restart takes. */
    static final String RETRY_AFTER_SECONDS = "2";

    private DatabaseFailureHandlers() {
    }

    @Produces
    @Singleton
    static final class DataAccess extends Base<DataAccessException> {
    }

    @Produces
    @Singleton
    static final class Transaction extends Base<TransactionException> {
    }

    @Produces
    @Singleton
    static final class NoConnection extends Base<CannotGetJdbcConnectionException> {
    }

    @Produces
    @Singleton
    static final class BrokenConnection extends Base<ConnectionException> {
    }

    @Produces
    @Singleton
    static final class Unavailable extends Base<DatabaseUnavailableException> {
    }

    abstract static class Base<E extends RuntimeException> implements ExceptionHandler<E, HttpResponse<ProblemBody>> {

        @Override
        @SuppressWarnings("rawtypes") // the interface declares the raw type
        public HttpResponse<ProblemBody> handle(HttpRequest request, E exception) {
            return switch (DatabaseFailure.of(exception)) {
                case UNAVAILABLE -> {
                    LOG.warn("{} {}: the database is unavailable: {}", request.getMethodName(), request.getPath(),
                            exception.getMessage());
                    yield ProblemBody.response(Problem.Kind.UNAVAILABLE, "the database is not reachable right now; try again shortly", null)
                            .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
                }
                case UNSTORABLE_TEXT -> ProblemBody.response(Problem.Kind.INVALID,
                        "the request holds a character that cannot be stored (such as \\u0000)", null);
                case OTHER -> {
                    LOG.error("Unexpected error occurred: {}", exception.getMessage(), exception);
                    yield HttpResponse.<ProblemBody>status(HttpStatus.INTERNAL_SERVER_ERROR)
                            .body(new ProblemBody("about:blank", "Internal Server Error", 500,
                                    "Something went wrong on our side; the error has been logged.", null))
                            .contentType(ProblemBodyProvider.CONTENT_TYPE);
                }
            };
        }

    }
}
