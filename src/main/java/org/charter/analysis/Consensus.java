package org.charter.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Consensus across the conversation (polis-math.md §6): group-informed consensus and Polis's majority lists.
 */
final class Consensus {

    /**
     * A statement on a majority list (Polis's {@code consensus} output fields).
     *
     * @param column   matrix column
     * @param nSuccess agree (or disagree) votes
     * @param nTrials  votes
     * @param pSuccess smoothed probability
     * @param pTest    one-proportion z
     */
    record Majority(int column, long nSuccess, long nTrials, double pSuccess, double pTest) {
    }

    private Consensus() {
    }

    /**
     * Group-informed consensus (§6.1): {@code ∏_g (A_g + 1) / (S_g + 2)} over the groups, in group-id order. A soft
     * AND: one group that disagrees pulls the score down. Its scale depends on the number of groups.
     */
    static double groupInformed(GroupTallies t, int column) {
        double product = 1;
        boolean first = true;
        for (int g = 0; g < t.groups(); g++) {
            double p = (t.agree()[g][column] + 1.0) / (t.seen()[g][column] + 2.0);
            product = first ? p : product * p;
            first = false;
        }
        return product;
    }

    /**
     * Polis's majority list (§6.2), over every participant: included statements whose smoothed agree (or
     * disagree) probability is above 1/2 and significant at z, by p · z descending, at most {@code pick}.
     */
    static List<Majority> majority(VoteMatrix m, boolean agree, int pick, double z) {
        List<Majority> candidates = new ArrayList<>();
        List<Double> metric = new ArrayList<>();
        for (int c = 0; c < m.columns(); c++) {
            if (m.excluded[c]) {
                continue;
            }
            long n = agree ? m.agrees[c] : m.disagrees[c];
            long trials = m.seen[c];
            double p = PolisStats.smoothed(n, trials);
            double test = PolisStats.propTest(n, trials);
            if (p > 0.5 && test > z) {
                candidates.add(new Majority(c, n, trials, p, test));
                metric.add(p * test);
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble(i -> -metric.get(i)));
        List<Majority> top = new ArrayList<>();
        for (int i = 0; i < Math.min(pick, order.size()); i++) {
            top.add(candidates.get(order.get(i)));
        }
        return top;
    }
}
