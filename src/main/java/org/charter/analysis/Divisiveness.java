package org.charter.analysis;

/**
 * How much the opinion groups disagree about a statement: Charter's own measure, since Polis has none
 * (polis-math.md §6.3). Each group's stance on the statement is {@code s_g = (A_g − D_g) / (S_g + 2)}, the net
 * agreement in [−1, 1] with a pseudo-count of two passes so that a handful of votes cannot look unanimous; the
 * divisiveness is half the spread between the most and the least supportive group, {@code (max s − min s) / 2}, in
 * [0, 1). It is near 1 when one group agrees unanimously and another disagrees unanimously, and 0 when every group
 * takes the same stance, whether they all agree, all disagree or all pass.
 */
final class Divisiveness {

    private Divisiveness() {
    }

    /** The divisiveness of one statement across the groups (0 with fewer than two groups). */
    static double of(GroupTallies t, int column) {
        if (t.groups() < 2) {
            return 0;
        }
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (int g = 0; g < t.groups(); g++) {
            double stance = (double) (t.agree()[g][column] - t.disagree()[g][column]) / (t.seen()[g][column] + 2);
            max = Math.max(max, stance);
            min = Math.min(min, stance);
        }
        return (max - min) / 2;
    }
}
