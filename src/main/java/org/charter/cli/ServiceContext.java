package org.charter.cli;

import io.micronaut.context.ApplicationContext;
import org.charter.database.Database;
import org.charter.database.DatabaseSettings;
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
        Database database = Database.open(DatabaseSettings.fromEnvironment(), LOG::info);
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
