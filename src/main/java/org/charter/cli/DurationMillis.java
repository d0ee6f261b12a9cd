package org.charter.cli;

import picocli.CommandLine;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A duration option ({@code 500ms}, {@code 1s}, {@code 2m}, {@code 1h}, or plain milliseconds) in milliseconds. */
final class DurationMillis implements CommandLine.ITypeConverter<Long> {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

    @Override
    public Long convert(String value) {
        Matcher m = DURATION.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration such as 1s, 500ms or 2m");
        }
        long amount = Long.parseLong(m.group(1));
        long unit = switch (m.group(2) == null ? "ms" : m.group(2)) {
            case "s" -> 1_000L;
            case "m" -> 60_000L;
            case "h" -> 3_600_000L;
            default -> 1L;
        };
        long millis = Math.multiplyExact(amount, unit);
        if (millis < 1) {
            throw new CommandLine.TypeConversionException("the window must be at least 1 ms");
        }
        return millis;
    }
}
