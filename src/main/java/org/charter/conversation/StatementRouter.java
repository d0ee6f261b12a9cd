package org.charter.conversation;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Picks the next statement for a participant (polis-math.md §7.2): a weighted random draw over the statements
 * they have not voted on, each weighted by its analysis priority. Statements the analysis has not seen yet get
 * the priority Polis's formula gives a statement nobody has voted on, so new statements are shown early;
 * meta statements get Polis's fixed 49.
 */
final class StatementRouter {

    /** Priority of a statement with no votes: ((1 − p)(E + 1)a · novelty)² with p = a = 1/2, E = 0, novelty 9. */
    static final double UNSEEN_PRIORITY = Math.pow(0.5 * 1.0 * 0.5 * 9.0, 2);
    static final double META_PRIORITY = 49.0;

    /** A statement the participant may be shown next: only what routing needs, so large conversations stay cheap. */
    record Candidate(long id, boolean isMeta) {
    }

    private StatementRouter() {
    }

    static Candidate pick(List<Candidate> candidates, Map<Long, Double> priorities, RandomGenerator random) {
        if (candidates.isEmpty()) {
            return null;
        }
        double[] cumulative = new double[candidates.size()];
        double total = 0;
        for (int i = 0; i < cumulative.length; i++) {
            total += weight(candidates.get(i), priorities);
            cumulative[i] = total;
        }
        double draw = random.nextDouble() * total;
        for (int i = 0; i < cumulative.length; i++) {
            if (draw < cumulative[i]) {
                return candidates.get(i);
            }
        }
        return candidates.getLast();
    }

    static double weight(Candidate statement, Map<Long, Double> priorities) {
        if (statement.isMeta()) {
            return META_PRIORITY;
        }
        Double p = priorities.get(statement.id());
        if (p == null) {
            return UNSEEN_PRIORITY;
        }
        // Polis falls back to weight 1 when the priority is 0 (a falsy value in its JavaScript server).
        return p > 0 && Double.isFinite(p) ? p : 1.0;
    }
}
