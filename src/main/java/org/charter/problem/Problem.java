package org.charter.problem;

import java.util.Objects;

/**
 * A failure the caller can act on: bad input, a missing thing, a state that forbids the request.
 * Services throw it; the HTTP layer turns it into an RFC 7807 problem body and the command line into
 * one error line and a non-zero exit code. {@code where} names the field, parameter or {@code file:line}.
 */
public final class Problem extends RuntimeException {

    /** What kind of failure this is; each maps to one HTTP status. */
    public enum Kind {
        INVALID(400, "Invalid input"),
        UNAUTHORIZED(401, "Sign-in required"),
        FORBIDDEN(403, "Not allowed"),
        NOT_FOUND(404, "Not found"),
        CONFLICT(409, "Conflict"),
        LENGTH_REQUIRED(411, "Length required"),
        TOO_LARGE(413, "Too large"),
        TOO_MANY_REQUESTS(429, "Too many requests"),
        UNAVAILABLE(503, "Unavailable");

        private final int status;
        private final String title;

        Kind(int status, String title) {
            this.status = status;
            this.title = title;
        }

        public int status() {
            return status;
        }

        public String title() {
            return title;
        }
    }

    private final Kind kind;
    private final String where;
    private final long retryAfterSeconds;

    private Problem(Kind kind, String where, String message, Throwable cause) {
        this(kind, where, message, cause, 0);
    }

    private Problem(Kind kind, String where, String message, Throwable cause, long retryAfterSeconds) {
        super(Objects.requireNonNull(message), cause);
        this.kind = Objects.requireNonNull(kind);
        this.where = where;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static Problem of(Kind kind, String where, String message) {
        return new Problem(kind, where, message, null);
    }

    public static Problem invalid(String where, String message) {
        return new Problem(Kind.INVALID, where, message, null);
    }

    public static Problem invalid(String where, String message, Throwable cause) {
        return new Problem(Kind.INVALID, where, message, cause);
    }

    public static Problem notFound(String where, String message) {
        return new Problem(Kind.NOT_FOUND, where, message, null);
    }

    public static Problem conflict(String where, String message) {
        return new Problem(Kind.CONFLICT, where, message, null);
    }

    /** Too many requests: the caller may try again after this many whole seconds (at least 1). */
    public static Problem tooManyRequests(String where, String message, long retryAfterSeconds) {
        return new Problem(Kind.TOO_MANY_REQUESTS, where, message, null, Math.max(1, retryAfterSeconds));
    }

    public Kind kind() {
        return kind;
    }

    /** The field, parameter or file:line at fault, or null when the whole request is at fault. */
    public String where() {
        return where;
    }

    /** For {@link Kind#TOO_MANY_REQUESTS}: whole seconds until a retry can succeed; 0 when not known. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
