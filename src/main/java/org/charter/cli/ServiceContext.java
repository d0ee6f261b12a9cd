package org.charter.cli;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import org.charter.database.Database;
import org.charter.database.DatabaseSettings;
import org.charter.security.SecuritySettings;
import org.charter.security.StartupCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;

/**
 * Charter's services on its database, for the server and for commands that read or write stored data.
 * Opening it connects to (or starts) PostgreSQL and migrates the schema.
 */
public final class ServiceContext implements AutoCloseable {

    static final Logger LOG = LoggerFactory.getLogger("charter");

    private final Database database;
    private final ApplicationContext context;

    private ServiceContext(Database database, ApplicationContext context) {
        this.database = database;
        this.context = context;
    }

    public static ServiceContext open(Map<String, Object> properties) {
        return open(properties, DatabaseSettings.fromEnvironment());
    }

    /**
     * Opens the services on this database. Production mode's rules are checked first, on the configuration alone,
     * so that a refused start touches nothing (not even the embedded database).
     */
    static ServiceContext open(Map<String, Object> properties, DatabaseSettings databaseSettings) {
        SecuritySettings settings = settings(properties);
        StartupCheck.require(settings, databaseSettings);
        Database database = Database.open(databaseSettings, LOG::info);
        if (settings.production()) {
            LOG.info("Production mode: organizer registration is {}.", settings.openRegistration() ? "open"
                    : "closed (create accounts with 'charter admin create-organizer')");
        }
        try {
            Map<String, Object> all = new HashMap<>(database.connection().micronautProperties());
            all.putAll(properties);
            ApplicationContext context = ApplicationContext.builder(ServiceContext.class)
                    .properties(all)
                    .start();
            return new ServiceContext(database, context);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** The security settings as the application will see them (application.yml, environment, these properties). */
    private static SecuritySettings settings(Map<String, Object> properties) {
        Environment environment = ApplicationContext.builder(ServiceContext.class).properties(properties).build()
                .getEnvironment();
        environment.start();
        try {
            return SecuritySettings.of(environment);
        } finally {
            environment.stop();
        }
    }

    public ApplicationContext context() {
        return context;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public synchronized void close() {
        if (context.isRunning()) {
            context.close();
        }
        database.close();
    }
}
