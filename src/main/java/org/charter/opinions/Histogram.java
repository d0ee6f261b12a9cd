package org.charter.opinions;

/** Counts of per-(question, country) similarities in {@code counts.length} equal bins over [0, 1]. */
public record Histogram(double binWidth, int[] counts) {

    static final int BINS = 20;

    static int bin(double similarity) {
        return Math.max(0, Math.min(BINS - 1, (int) Math.floor(similarity * BINS)));
    }
}
