package org.charter.database;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where Charter's PostgreSQL is. With {@code CHARTER_DB_URL} set, Charter uses that server; without it, an
 * embedded PostgreSQL whose data lives under {@code CHARTER_DATA_DIR} (default {@code ~/.charter}).
 */
public record DatabaseSettings(Optional<String> url, String user, String password, Path dataDirectory) {

    public static final String URL = "CHARTER_DB_URL";
    public static final String USER = "CHARTER_DB_USER";
    public static final String PASSWORD = "CHARTER_DB_PASSWORD";
    public static final String DATA_DIR = "CHARTER_DATA_DIR";

    public static DatabaseSettings fromEnvironment() {
        return from(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static DatabaseSettings from(Map<String, String> env, Path home) {
        Optional<String> url = Optional.ofNullable(env.get(URL)).map(String::strip).filter(s -> !s.isEmpty());
        Path data = Optional.ofNullable(env.get(DATA_DIR)).filter(s -> !s.isBlank()).map(Path::of)
                .orElse(home.resolve(".charter"));
        return new DatabaseSettings(url.map(DatabaseSettings::toJdbcUrl), env.getOrDefault(USER, "charter"),
                env.getOrDefault(PASSWORD, ""), data);
    }

    /** Accepts both {@code jdbc:postgresql://...} and the libpq form {@code postgresql://...}. */
    static String toJdbcUrl(String url) {
        if (url.startsWith("postgresql://") || url.startsWith("postgres://")) {
            return "jdbc:postgresql://" + url.substring(url.indexOf("://") + 3);
        }
        return url;
    }

    public Path embeddedPgData() {
        return dataDirectory.resolve("pgdata");
    }
}
