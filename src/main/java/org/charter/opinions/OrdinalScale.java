package org.charter.opinions;

import java.util.Arrays;

/**
 * Positions of a question's options on an ordinal scale, for the Wasserstein metric. One entry per option;
 * {@code NaN} marks an option that is not on the scale (don't know, refused, volunteered off-scale answers) and is
 * dropped before comparing, as OpinionQA drops "Refused" (Santurkar et al. 2023, OpinionQA; {@code option_ordinal} in
 * their {@code info.csv}). {@code basis} says where the positions came from (explicit column or which inference rule).
 */
public record OrdinalScale(double[] positions, String basis) {

    public OrdinalScale {
        positions = positions.clone();
        long onScale = Arrays.stream(positions).filter(p -> !Double.isNaN(p)).count();
        if (onScale < 2) {
            throw new IllegalArgumentException("an ordinal scale needs at least two options on it");
        }
        if (Arrays.stream(positions).anyMatch(Double::isInfinite)) {
            throw new IllegalArgumentException("ordinal positions must be finite");
        }
        if (span(positions) <= 0) {
            throw new IllegalArgumentException("ordinal positions must not all be equal");
        }
    }

    @Override
    public double[] positions() {
        return positions.clone();
    }

    /** Position of option {@code i}, or NaN when that option is off the scale. */
    public double position(int i) {
        return positions[i];
    }

    public int size() {
        return positions.length;
    }

    /** max − min over the options on the scale: the largest possible Wasserstein distance on it. */
    public double span() {
        return span(positions);
    }

    private static double span(double[] positions) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double p : positions) {
            if (!Double.isNaN(p)) {
                min = Math.min(min, p);
                max = Math.max(max, p);
            }
        }
        return max - min;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OrdinalScale other && Arrays.equals(positions, other.positions) && basis.equals(other.basis);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(positions) + basis.hashCode();
    }

    @Override
    public String toString() {
        return "OrdinalScale" + Arrays.toString(positions) + " (" + basis + ")";
    }
}
