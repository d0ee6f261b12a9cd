package org.charter.security;

import org.charter.database.DatabaseSettings;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What production mode refuses, checked before anything starts (not even the embedded database), so that a
 * misconfigured deployment stops at once with one message rather than running with development conveniences.
 * Charter has no server-wide signing key: organizer and participant tokens are random and stored only as hashes,
 * and xid links are signed with each conversation's own secret. The secrets that matter are the database's.
 */
public final class StartupCheck {

    /** Shorter database passwords are refused in production. */
    static final int MIN_DB_PASSWORD = 12;
    /** bcrypt work factors below this are too cheap to slow down guessing (tests use 4 for speed). */
    static final int MIN_BCRYPT_COST = 10;
    /** Passwords that come with images, tutorials and defaults. */
    private static final Set<String> WELL_KNOWN = Set.of("postgres", "charter", "password", "secret", "changeme",
            "change-me", "admin", "example", "123456789012", "password1234", "postgrespassword");

    private StartupCheck() {
    }

    /** Throws {@link UnsafeSettingsException} listing every problem when production mode's rules are broken. */
    public static void require(SecuritySettings settings, DatabaseSettings database) {
        List<String> problems = problems(settings, database);
        if (!problems.isEmpty()) {
            throw new UnsafeSettingsException("refusing to start in production mode (CHARTER_MODE=production): "
                    + String.join("; ", problems));
        }
    }

    /** The reasons production mode refuses these settings; empty in development mode or when all is well. */
    public static List<String> problems(SecuritySettings settings, DatabaseSettings database) {
        List<String> problems = new ArrayList<>();
        if (!settings.production()) {
            return problems;
        }
        if (database.url().isEmpty()) {
            problems.add(DatabaseSettings.URL + " is not set (the embedded PostgreSQL is a development convenience;"
                    + " point Charter at your database server)");
        } else {
            String password = database.password().isEmpty() ? passwordInUrl(database.url().get()).orElse("")
                    : database.password();
            if (password.isEmpty()) {
                problems.add(DatabaseSettings.PASSWORD + " is empty (give the database user a password)");
            } else if (password.length() < MIN_DB_PASSWORD) {
                problems.add(DatabaseSettings.PASSWORD + " is shorter than " + MIN_DB_PASSWORD + " characters");
            } else if (WELL_KNOWN.contains(password.toLowerCase(Locale.ROOT))
                    || password.equalsIgnoreCase(database.user())) {
                problems.add(DatabaseSettings.PASSWORD + " is a well-known default or the user name");
            }
        }
        if (settings.bcryptCost() < MIN_BCRYPT_COST) {
            problems.add(SecuritySettings.BCRYPT_COST + " is " + settings.bcryptCost() + "; production needs at least "
                    + MIN_BCRYPT_COST);
        }
        return problems;
    }

    /** A password given as {@code ?password=...} in the JDBC URL, which the PostgreSQL driver accepts too. */
    static Optional<String> passwordInUrl(String url) {
        int q = url.indexOf('?');
        if (q < 0) {
            return Optional.empty();
        }
        for (String pair : url.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equalsIgnoreCase("password")) {
                return Optional.of(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }
}
