package org.charter.testing;

import io.micronaut.test.support.TestPropertyProvider;
import org.charter.database.ConnectionInfo;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Base of tests that start the real application on a fresh PostgreSQL database of their own. Subclasses add
 * {@code @MicronautTest(transactional = false)} so that HTTP calls and the test see the same committed data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DatabaseTest implements TestPropertyProvider {

    protected final ConnectionInfo database = TestDatabases.freshDatabase();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>();
        database.micronautProperties().forEach((k, v) -> properties.put(k, String.valueOf(v)));
        properties.putAll(extraProperties());
        return properties;
    }

    /** Settings a test class needs beyond the database. */
    protected Map<String, String> extraProperties() {
        return Map.of();
    }

    /** A direct connection to this class's database, to check what the application stored. */
    protected Connection jdbc() throws SQLException {
        return DriverManager.getConnection(database.url(), database.user(), database.password());
    }
}
