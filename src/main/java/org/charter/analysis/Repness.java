package org.charter.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Representative statements per group (polis-math.md §5): how much more (or less) a group agrees with a statement
 * than everyone else in other groups, with significance tests, and Polis's selection of each group's
 * representative statements.
 */
final class Repness {

    /**
     * Statistics of one group on one statement (§5.1); n = counts, p = probabilities, r = ratios to the out-group,
     * t = test statistics, a/d = agree/disagree, s = seen.
     */
    record Stats(int column, long na, long nd, long ns, double pa, double pd, double pat, double pdt, double ra,
                 double rd, double rat, double rdt) {
    }

    /**
     * One selected representative statement (§5.2), in Polis's {@code repness} output fields.
     *
     * @param column      matrix column
     * @param agree       {@code repful-for}: agree (true) or disagree
     * @param nSuccess    agree (or disagree) votes in the group
     * @param nTrials     votes in the group
     * @param pSuccess    smoothed probability of that vote in the group
     * @param pTest       one-proportion z of it
     * @param repness     ratio to the out-group's rate
     * @param repnessTest two-proportion z against the out-group
     * @param bestAgree   whether this is the group's "best agree" statement, placed first
     * @param nAgree      agree votes in the group (only for the best-agree statement, else −1)
     */
    record Selected(int column, boolean agree, long nSuccess, long nTrials, double pSuccess, double pTest,
                    double repness, double repnessTest, boolean bestAgree, long nAgree) {

        /** Polis sorts by repness · repness-test · p-success · p-test, with repness-test stored as a float. */
        double metric() {
            return repness * (double) (float) repnessTest * pSuccess * pTest;
        }
    }

    private Repness() {
    }

    /**
     * Statistics for every group on every included statement: {@code [group][column]}, null for excluded columns.
     * The out-group of a group is the members of all other groups (§5.1).
     */
    static Stats[][] stats(GroupTallies t, boolean[] excluded) {
        int groups = t.groups();
        int columns = excluded.length;
        Stats[][] stats = new Stats[groups][columns];
        for (int c = 0; c < columns; c++) {
            if (excluded[c]) {
                continue;
            }
            long allA = 0;
            long allD = 0;
            long allS = 0;
            for (int g = 0; g < groups; g++) {
                allA += t.agree()[g][c];
                allD += t.disagree()[g][c];
                allS += t.seen()[g][c];
            }
            for (int g = 0; g < groups; g++) {
                long na = t.agree()[g][c];
                long nd = t.disagree()[g][c];
                long ns = t.seen()[g][c];
                long oa = allA - na;
                long od = allD - nd;
                long os = allS - ns;
                stats[g][c] = new Stats(c, na, nd, ns,
                        PolisStats.smoothed(na, ns), PolisStats.smoothed(nd, ns),
                        PolisStats.propTest(na, ns), PolisStats.propTest(nd, ns),
                        PolisStats.repness(na, ns, oa, os), PolisStats.repness(nd, ns, od, os),
                        PolisStats.twoPropTest(na, oa, ns, os), PolisStats.twoPropTest(nd, od, ns, os));
            }
        }
        return stats;
    }

    /**
     * Polis's selection for one group (§5.2): statements significant both in the group (p-test) and against the
     * out-group (repness-test) at the threshold z, sorted by the repness metric, the group's "best agree"
     * statement first, at most {@code pick} of them, agrees before disagrees; if none qualifies, the best agree
     * statement or else the statement with the highest test.
     *
     * @param groupStats the group's statistics by column (null for excluded columns), scanned in column order
     */
    static List<Selected> select(Stats[] groupStats, int pick, double z) {
        List<Selected> sufficient = new ArrayList<>();
        Selected best = null;
        Stats bestAgree = null;
        for (Stats s : groupStats) {
            if (s == null) {
                continue;
            }
            if ((s.rat() > z && s.pat() > z) || (s.rdt() > z && s.pdt() > z)) {
                sufficient.add(finalized(s, false));
            }
            if (sufficient.isEmpty()
                    && (best == null || Math.max(s.rat(), s.rdt()) > (double) (float) best.repnessTest())) {
                best = finalized(s, false);
            }
            if (beatsBestAgree(s, bestAgree, z)) {
                bestAgree = s;
            }
        }
        Selected agreeHead = bestAgree == null ? null : finalized(bestAgree, true);
        if (sufficient.isEmpty()) {
            return agreeHead != null ? List.of(agreeHead) : best != null ? List.of(best) : List.of();
        }
        List<Selected> ranked = new ArrayList<>();
        for (Selected s : sufficient) {
            if (agreeHead == null || s.column() != agreeHead.column()) {
                ranked.add(s);
            }
        }
        ranked.sort(Comparator.comparingDouble(s -> -s.metric())); // stable, as Clojure's sort-by
        List<Selected> top = new ArrayList<>();
        if (agreeHead != null) {
            top.add(agreeHead);
        }
        for (Selected s : ranked) {
            if (top.size() == pick) {
                break;
            }
            top.add(s);
        }
        List<Selected> ordered = new ArrayList<>(top.size());
        top.stream().filter(Selected::agree).forEach(ordered::add);
        top.stream().filter(s -> !s.agree()).forEach(ordered::add);
        return ordered;
    }

    /** Polis {@code beats-best-agr?} (§5.2 step 4). */
    private static boolean beatsBestAgree(Stats s, Stats current, double z) {
        if (s.na() == 0 && s.nd() == 0) {
            return false;
        }
        if (current != null && current.ra() > 1.0) {
            return s.ra() * s.rat() * s.pa() * s.pat() > current.ra() * current.rat() * current.pa() * current.pat();
        }
        if (current != null) {
            return s.pa() * s.pat() > current.pa() * current.pat();
        }
        return s.pat() > z || (s.ra() > 1.0 && s.pa() > 0.5);
    }

    /** Polis {@code finalize-cmt-stats}: agree if rat > rdt, otherwise disagree. */
    private static Selected finalized(Stats s, boolean bestAgree) {
        boolean agree = s.rat() > s.rdt();
        return agree
                ? new Selected(s.column(), true, s.na(), s.ns(), s.pa(), s.pat(), s.ra(), s.rat(), bestAgree,
                        bestAgree ? s.na() : -1)
                : new Selected(s.column(), false, s.nd(), s.ns(), s.pd(), s.pdt(), s.rd(), s.rdt(), bestAgree,
                        bestAgree ? s.na() : -1);
    }
}
