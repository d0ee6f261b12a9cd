package org.charter.conversation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Picks the next statement for a participant (polis-math.md §7.2): a weighted random draw over the open
 * statements they have not voted on, each weighted by its analysis priority. Statements the analysis has not seen
 * yet get the priority Polis's formula gives a statement nobody has voted on, so new statements are shown early;
 * meta statements get Polis's fixed 49.
 *
 * <p>One router serves every participant of a conversation: the cumulative weights of all open statements are
 * computed once, and a draw for a participant rejects the statements they already voted on and draws again —
 * which is exactly a draw from the weights of the remaining ones — falling back to an explicit pass once most are
 * voted on. A draw costs O(log n) instead of O(n).
 */
final class StatementRouter {

    /** Priority of a statement with no votes: ((1 − p)(E + 1)a · novelty)² with p = a = 1/2, E = 0, novelty 9. */
    static final double UNSEEN_PRIORITY = Math.pow(0.5 * 1.0 * 0.5 * 9.0, 2);
    static final double META_PRIORITY = 49.0;
    private static final int REJECTION_ATTEMPTS = 32;

    /** An open statement: what routing needs, and the text to show. */
    record Candidate(long id, boolean isMeta, String text) {
    }

    private final List<Candidate> open;
    private final double[] cumulative;
    /** The open statements by id: a vote and a count of what is left cost O(1) per statement, not O(open). */
    private final Map<Long, Candidate> byId;

    private StatementRouter(List<Candidate> open, double[] cumulative) {
        this.open = open;
        this.cumulative = cumulative;
        Map<Long, Candidate> index = new HashMap<>();
        open.forEach(c -> index.put(c.id(), c));
        this.byId = index;
    }

    static StatementRouter of(List<Candidate> open, Map<Long, Double> priorities) {
        double[] cumulative = new double[open.size()];
        double total = 0;
        for (int i = 0; i < cumulative.length; i++) {
            total += weight(open.get(i), priorities);
            cumulative[i] = total;
        }
        return new StatementRouter(List.copyOf(open), cumulative);
    }

    /** A statement not in {@code voted}, drawn by weight; null when the participant has voted on every one. */
    Candidate draw(Set<Long> voted, RandomGenerator random) {
        if (open.isEmpty()) {
            return null;
        }
        double total = cumulative[cumulative.length - 1];
        for (int attempt = 0; attempt < REJECTION_ATTEMPTS; attempt++) {
            Candidate c = open.get(index(random.nextDouble() * total));
            if (!voted.contains(c.id())) {
                return c;
            }
        }
        List<Integer> rest = new ArrayList<>();
        double restTotal = 0;
        for (int i = 0; i < open.size(); i++) {
            if (!voted.contains(open.get(i).id())) {
                rest.add(i);
                restTotal += weightAt(i);
            }
        }
        double drawn = random.nextDouble() * restTotal;
        for (int i : rest) {
            drawn -= weightAt(i);
            if (drawn < 0) {
                return open.get(i);
            }
        }
        return rest.isEmpty() ? null : open.get(rest.getLast());
    }

    /** Open statements the participant has not voted on. */
    int remaining(Set<Long> voted) {
        int votedOpen = 0;
        for (Long id : voted) {
            if (byId.containsKey(id)) { // votes on removed statements do not count
                votedOpen++;
            }
        }
        return open.size() - votedOpen;
    }

    Candidate find(long statementId) {
        return byId.get(statementId);
    }

    private double weightAt(int i) {
        return cumulative[i] - (i == 0 ? 0 : cumulative[i - 1]);
    }

    /** The first index whose cumulative weight exceeds {@code x}. */
    private int index(double x) {
        int i = Arrays.binarySearch(cumulative, x);
        i = i >= 0 ? i + 1 : -i - 1;
        return Math.min(i, cumulative.length - 1);
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
