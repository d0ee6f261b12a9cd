package org.charter.security;

import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.PropertySourcePropertyResolver;
import org.charter.database.DatabaseSettings;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What production mode refuses, and what the mode changes. */
class StartupCheckTest {

    private static final String GOOD_PASSWORD = "k3pt-in-the-vault-not-the-repo";

    private static SecuritySettings settings(Map<String, Object> properties) {
        return SecuritySettings.of(new PropertySourcePropertyResolver(PropertySource.of("test", properties)));
    }

    private static SecuritySettings production(Map<String, Object> more) {
        Map<String, Object> p = new HashMap<>(more);
        p.put("charter.mode", "production");
        return settings(p);
    }

    private static DatabaseSettings database(String url, String user, String password) {
        return new DatabaseSettings(Optional.ofNullable(url), user, password, Path.of("/nonexistent"));
    }

    @Test
    void developmentModeAcceptsTheEmbeddedDatabaseAndCheapHashing() {
        SecuritySettings dev = settings(Map.of("charter.security.bcrypt-cost", 4));
        assertFalse(dev.production());
        assertEquals(List.of(), StartupCheck.problems(dev, database(null, "charter", "")));
        assertTrue(dev.openRegistration(), "registration is open by default in development");
        assertFalse(dev.secureCookie(false));
        assertTrue(dev.secureCookie(true));
    }

    @Test
    void productionRefusesTheEmbeddedDatabaseMissingOrWeakPasswordsAndCheapHashing() {
        SecuritySettings prod = production(Map.of());
        List<String> problems = StartupCheck.problems(prod, database(null, "charter", ""));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.getFirst().startsWith("CHARTER_DB_URL is not set"), problems.toString());

        String url = "jdbc:postgresql://db.internal:5432/charter";
        assertTrue(StartupCheck.problems(prod, database(url, "charter", "")).getFirst().contains("CHARTER_DB_PASSWORD is empty"));
        assertTrue(StartupCheck.problems(prod, database(url, "charter", "hunter2")).getFirst().contains("shorter than 12"));
        assertTrue(StartupCheck.problems(prod, database(url, "charter", "postgrespassword")).getFirst().contains("well-known"));
        assertTrue(StartupCheck.problems(prod, database(url, "charter_service", "Charter_Service")).getFirst().contains("user name"));
        assertEquals(List.of(), StartupCheck.problems(prod, database(url, "charter", GOOD_PASSWORD)));
        assertEquals(List.of(), StartupCheck.problems(prod, database(url + "?ssl=true&password=" + GOOD_PASSWORD, "charter", "")),
                "a password in the URL counts");

        List<String> cheap = StartupCheck.problems(production(Map.of("charter.security.bcrypt-cost", 4)), database(url, "charter", GOOD_PASSWORD));
        assertEquals(List.of("charter.security.bcrypt-cost is 4; production needs at least 10"), cheap);
    }

    @Test
    void allProblemsAreReportedInOneMessage() {
        UnsafeSettingsException e = assertThrows(UnsafeSettingsException.class, () -> StartupCheck.require(
                production(Map.of("charter.security.bcrypt-cost", 4)), database(null, "charter", "")));
        assertTrue(e.getMessage().startsWith("refusing to start in production mode (CHARTER_MODE=production): CHARTER_DB_URL is not set"),
                e.getMessage());
        assertTrue(e.getMessage().contains("; charter.security.bcrypt-cost is 4"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void productionClosesRegistrationUnlessTheOperatorOpensItAndAlwaysSecuresTheCookie() {
        SecuritySettings prod = production(Map.of("charter.security.open-registration", ""));
        assertFalse(prod.openRegistration());
        assertFalse(prod.openRegistrationChosen());
        assertTrue(prod.secureCookie(false), "behind a TLS proxy the request looks like plain HTTP");
        assertTrue(production(Map.of("charter.security.open-registration", "true")).openRegistration());
        assertFalse(settings(Map.of("charter.security.open-registration", "false")).openRegistration());
    }

    @Test
    void aMisspelledModeOrSwitchIsRefusedRatherThanGuessed() {
        UnsafeSettingsException mode = assertThrows(UnsafeSettingsException.class, () -> settings(Map.of("charter.mode", "prodution")));
        assertTrue(mode.getMessage().contains("'prodution'"), mode.getMessage());
        assertThrows(UnsafeSettingsException.class, () -> settings(Map.of("charter.security.open-registration", "maybe")));
    }
}
