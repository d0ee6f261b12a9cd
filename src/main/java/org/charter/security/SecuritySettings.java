package org.charter.security;

import io.micronaut.context.env.Environment;
import io.micronaut.core.value.PropertyResolver;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.Locale;
import java.util.Optional;

/**
 * The run mode and the security switches that depend on it. {@code charter.mode} ({@code CHARTER_MODE}) is
 * {@code development} (the default: embedded database, open registration) or {@code production}, where
 * {@link StartupCheck} refuses weak settings, registration is closed unless turned on, and the session cookie is
 * always {@code Secure} (production runs behind HTTPS, often a proxy that terminates it, so the request itself may
 * look like plain HTTP).
 */
@Singleton
public final class SecuritySettings {

    public static final String MODE = "charter.mode";
    public static final String OPEN_REGISTRATION = "charter.security.open-registration";
    public static final String BCRYPT_COST = "charter.security.bcrypt-cost";

    /** development or production. */
    public enum Mode {
        DEVELOPMENT, PRODUCTION;

        static Mode parse(String value) {
            String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
            return switch (v) {
                case "", "development", "dev" -> DEVELOPMENT;
                case "production", "prod" -> PRODUCTION;
                default -> throw new UnsafeSettingsException("CHARTER_MODE (charter.mode) must be 'development' or"
                        + " 'production', found '" + value + "'");
            };
        }
    }

    private final Mode mode;
    private final Optional<Boolean> openRegistrationChoice;
    private final int bcryptCost;

    @Inject
    SecuritySettings(Environment environment) {
        this((PropertyResolver) environment);
    }

    private SecuritySettings(PropertyResolver config) {
        this.mode = Mode.parse(config.get(MODE, String.class).orElse(""));
        this.openRegistrationChoice = config.get(OPEN_REGISTRATION, String.class)
                .map(String::strip).filter(s -> !s.isEmpty()).map(SecuritySettings::bool);
        this.bcryptCost = config.get(BCRYPT_COST, Integer.class).orElse(OrganizerService.DEFAULT_BCRYPT_COST);
    }

    /** The settings as a configuration (Micronaut's environment, or any property source) states them. */
    public static SecuritySettings of(PropertyResolver config) {
        return new SecuritySettings(config);
    }

    public Mode mode() {
        return mode;
    }

    public boolean production() {
        return mode == Mode.PRODUCTION;
    }

    /** Whether anyone may create an organizer account; unset, it is open in development and closed in production. */
    public boolean openRegistration() {
        return openRegistrationChoice.orElse(!production());
    }

    /** Whether the operator chose the registration policy explicitly (CHARTER_OPEN_REGISTRATION). */
    public boolean openRegistrationChosen() {
        return openRegistrationChoice.isPresent();
    }

    public int bcryptCost() {
        return bcryptCost;
    }

    /** Session cookies are Secure in production whatever the request looks like; elsewhere when it came over HTTPS. */
    public boolean secureCookie(boolean requestIsSecure) {
        return production() || requestIsSecure;
    }

    private static boolean bool(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new UnsafeSettingsException("CHARTER_OPEN_REGISTRATION (" + OPEN_REGISTRATION
                    + ") must be true or false, found '" + value + "'");
        };
    }
}
