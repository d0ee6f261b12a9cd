package org.charter.opinions;

/**
 * Logarithm base of the Jensen–Shannon divergence. Base 2 bounds the distance by 1 and is Charter's default (the
 * GlobalOpinionQA paper's similarity lies in [0, 1]); natural logarithms are what scipy's {@code jensenshannon}
 * uses when no base is given, so some published numbers use them (bounded by √ln 2 ≈ 0.833).
 */
public enum LogBase {
    TWO("2", Math.log(2)),
    E("e", 1.0);

    private final String label;
    private final double lnBase;

    LogBase(String label, double lnBase) {
        this.label = label;
        this.lnBase = lnBase;
    }

    public String label() {
        return label;
    }

    /** ln(base): divergences computed with natural logarithms are divided by this. */
    double lnBase() {
        return lnBase;
    }

    public static LogBase parse(String text) {
        return switch (text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "2", "two", "bits" -> TWO;
            case "e", "ln", "natural", "nats" -> E;
            default -> throw new IllegalArgumentException("log base must be 2 or e, not '" + text + "'");
        };
    }
}
