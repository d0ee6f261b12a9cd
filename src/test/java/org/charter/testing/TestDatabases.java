package org.charter.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.charter.database.ConnectionInfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One real PostgreSQL per test JVM and a fresh database for each caller, so test classes never see each
 * other's data. Embedded by default; set {@code CHARTER_TEST_DB_URL} (plus {@code CHARTER_TEST_DB_USER},
 * {@code CHARTER_TEST_DB_PASSWORD}) to a server where that user may CREATE DATABASE to use it instead.
 */
public final class TestDatabases {

    private static Server server;
    private static final List<String> created = new ArrayList<>();

    private TestDatabases() {
    }

    public static synchronized ConnectionInfo freshDatabase() {
        if (server == null) {
            server = startServer();
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::dropAll));
        }
        String name = "charter_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = server.admin(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database: " + e.getMessage(), e);
        }
        created.add(name);
        return new ConnectionInfo(server.urlOf(name), server.user(), server.password());
    }

    /** The admin connection (to the server's maintenance database), e.g. to look at pg_stat_activity. */
    public static synchronized Connection adminConnection() throws SQLException {
        return server.admin();
    }

    private static Server startServer() {
        String url = System.getenv("CHARTER_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            return new Server(url, envOr("CHARTER_TEST_DB_USER", "postgres"), envOr("CHARTER_TEST_DB_PASSWORD", ""), null);
        }
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off").start();
            return new Server("jdbc:postgresql://localhost:" + pg.getPort() + "/postgres", "postgres", "", pg);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL for tests", e);
        }
    }

    private static void dropAll() {
        if (server.embedded() != null) {
            return; // the embedded server and its data directory go away as a whole
        }
        try (Connection c = server.admin(); Statement s = c.createStatement()) {
            for (String name : created) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            System.err.println("could not drop test databases: " + e.getMessage());
        }
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }

    private record Server(String adminUrl, String user, String password, EmbeddedPostgres embedded) {
        Connection admin() throws SQLException {
            return DriverManager.getConnection(adminUrl, user, password);
        }

        String urlOf(String database) {
            int slash = adminUrl.lastIndexOf('/');
            int query = adminUrl.indexOf('?', slash);
            return adminUrl.substring(0, slash + 1) + database + (query < 0 ? "" : adminUrl.substring(query));
        }
    }
}
