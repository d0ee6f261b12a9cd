package org.charter.http;

import org.charter.problem.Problem;

import java.util.Locale;

/**
 * A true/false query parameter, read strictly: Micronaut reads anything but "true" as false, so a typo such as
 * {@code ?next=ture} would silently do the opposite of what was meant; here it is a 400 naming the parameter.
 */
public final class QueryFlag {

    private QueryFlag() {
    }

    public static boolean parse(String name, String value, boolean absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw Problem.invalid(name, "expected true or false, got " + JsonProblems.shown(value));
        };
    }
}
