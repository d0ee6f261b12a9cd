package org.charter.database;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** What a failed database call means for the caller, read from the SQL exception among its causes. */
public enum DatabaseFailure {
    /** PostgreSQL cannot be reached, is restarting or has no connection to spare: the caller may retry shortly. */
    UNAVAILABLE,
    /** The input holds text PostgreSQL cannot store (the NUL character): the caller's fault. */
    UNSTORABLE_TEXT,
    /** Anything else: a fault on the server's side. */
    OTHER;

    private static final String HIKARI_CLOSED = "Connection is closed";

    public static DatabaseFailure of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // Hikari's "connection is not available, request timed out" while the server is away
            if (t instanceof SQLTransientConnectionException || t instanceof DatabaseUnavailableException) {
                return UNAVAILABLE;
            }
            // HikariCP puts this stand-in (no SQLState) in place of a connection it evicted as broken mid-request
            if (t instanceof SQLException sql && sql.getSQLState() == null && HIKARI_CLOSED.equals(sql.getMessage())) {
                return UNAVAILABLE;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 08: connection exception; 57P01-03: admin/crash shutdown, cannot connect now; 53300: too many connections
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                        || state.equals("53300")) {
                    return UNAVAILABLE;
                }
                // 22021: character not in repertoire (NUL in text); 22P05: untranslatable character
                if (state.equals("22021") || state.equals("22P05")) {
                    return UNSTORABLE_TEXT;
                }
            }
        }
        return OTHER;
    }
}
