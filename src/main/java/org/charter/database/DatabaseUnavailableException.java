package org.charter.database;

/** Charter cannot reach or start its database; the message is one line a person can act on. */
public final class DatabaseUnavailableException extends RuntimeException {
    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
