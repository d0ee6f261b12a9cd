package org.charter.analysis;

/**
 * Which statement to show a participant next: Polis's routing priority (polis-math.md §7.1). The server draws
 * among a participant's unseen statements with probability proportional to this weight.
 */
final class RoutingPriority {

    /** Meta statements are shown with this fixed priority, squared (Polis {@code meta-priority}). */
    static final double META = 7;

    private RoutingPriority() {
    }

    /**
     * {@code (importance · novelty)²}, where importance = (1 − p)(E + 1)·a with p = (P+1)/(S+2) and a =
     * (A+1)/(S+2) and novelty = 1 + 8·2^(−S/5); 7² for meta statements. A, D, S, P are the statement's tallies
     * summed over the placed participants, E its extremity. An unseen statement gets the full novelty boost (×9).
     */
    static double of(boolean meta, long agree, long pass, long seen, double extremity) {
        if (meta) {
            return META * META;
        }
        double keep = PolisStats.ratio(seen + 2 - (pass + 1), seen + 2); // 1 − p, exact as Polis
        double a = PolisStats.ratio(agree + 1, seen + 2);
        double importance = keep * (extremity + 1) * a;
        double exponent = seen % 5 == 0 ? (double) (seen / -5) : PolisStats.ratio(seen, -5);
        double novelty = 1 + 8 * Math.pow(2, exponent);
        double priority = importance * novelty;
        return priority * priority;
    }
}
