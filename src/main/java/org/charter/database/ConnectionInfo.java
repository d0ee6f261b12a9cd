package org.charter.database;

import java.util.Map;

/** How to reach the database: a JDBC URL and credentials. */
public record ConnectionInfo(String url, String user, String password) {

    /** The datasource settings Micronaut reads. */
    public Map<String, Object> micronautProperties() {
        return Map.of(
                "datasources.default.url", url,
                "datasources.default.username", user,
                "datasources.default.password", password);
    }

    @Override
    public String toString() {
        return "ConnectionInfo[url=" + url + ", user=" + user + "]";
    }
}
