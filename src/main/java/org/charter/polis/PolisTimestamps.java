package org.charter.polis;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Polis export timestamps, normalized to epoch milliseconds. */
public final class PolisTimestamps {

    /** Values below this are epoch seconds: as milliseconds they would fall before March 1973. */
    static final long SECONDS_BELOW = 100_000_000_000L;

    private PolisTimestamps() {
    }

    /** Epoch milliseconds from a whole number of seconds or milliseconds. */
    public static long toMillis(long value) {
        return Math.abs(value) < SECONDS_BELOW ? value * 1000 : value;
    }

    /**
     * Epoch milliseconds from an export's text: milliseconds are kept, seconds (whole or with a fraction, as
     * the 2024+ exporter writes them) are multiplied by 1000 and rounded to the millisecond.
     *
     * @throws NumberFormatException if the text is not a number
     */
    public static long toMillis(String text) {
        try {
            return toMillis(Long.parseLong(text));
        } catch (NumberFormatException e) {
            BigDecimal value = new BigDecimal(text);
            if (value.abs().compareTo(BigDecimal.valueOf(SECONDS_BELOW)) < 0) {
                value = value.movePointRight(3);
            }
            return value.setScale(0, RoundingMode.HALF_UP).longValueExact();
        }
    }
}
