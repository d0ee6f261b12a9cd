package org.charter.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The PostgreSQL Charter runs on for the life of one process: an external server when configured, otherwise
 * the embedded one (started, or joined when another Charter process already runs it on the same data).
 */
public final class Database implements AutoCloseable {

    private final ConnectionInfo connection;
    private final EmbeddedPostgresServer embedded;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Database(ConnectionInfo connection, EmbeddedPostgresServer embedded) {
        this.connection = connection;
        this.embedded = embedded;
    }

    /**
     * Opens the configured database and checks that it answers.
     *
     * @param log receives the one line that says which database is used
     * @throws DatabaseUnavailableException with a one-line reason when it cannot be reached
     */
    public static Database open(DatabaseSettings settings, Consumer<String> log) {
        if (settings.url().isPresent()) {
            ConnectionInfo info = new ConnectionInfo(settings.url().get(), settings.user(), settings.password());
            verify(info);
            log.accept("Using PostgreSQL at " + info.url() + " as user '" + info.user() + "'.");
            return new Database(info, null);
        }
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrJoin(settings.embeddedPgData());
        log.accept("Using embedded PostgreSQL with data in " + settings.embeddedPgData() + " (port " + server.port()
                + "); set " + DatabaseSettings.URL + ", " + DatabaseSettings.USER + " and " + DatabaseSettings.PASSWORD
                + " to use your own PostgreSQL server instead.");
        return new Database(server.connectionInfo(), server);
    }

    public ConnectionInfo connection() {
        return connection;
    }

    static void verify(ConnectionInfo info) {
        DriverManager.setLoginTimeout(10);
        try (Connection c = DriverManager.getConnection(info.url(), info.user(), info.password())) {
            c.isValid(5);
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("cannot connect to PostgreSQL at " + info.url() + " as user '"
                    + info.user() + "': " + firstLine(e.getMessage()), e);
        }
    }

    static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }

    /** Stops the embedded server if this process was its last user; external servers are left alone. */
    @Override
    public void close() {
        if (embedded != null && !closed.getAndSet(true)) {
            embedded.release();
        }
    }
}
