package org.charter.constitution;


import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What changed from one version to another. Principles are matched by the statements behind them (a principle keeps
 * its identity when reworded or moved): each principle of the newer version is paired with the principle of the
 * older one that shares most statements with it (ties: the earlier one), each older principle at most once.
 *
 * @param from      the older version's number
 * @param to        the newer version's number
 * @param added     principles of {@code to} with no counterpart in {@code from}
 * @param removed   principles of {@code from} with no counterpart in {@code to}
 * @param reworded  paired principles whose text (or CAI line) changed
 * @param moved     paired principles whose place among the paired ones changed (a principle added or removed
 *                  elsewhere does not move the others)
 * @param regrouped paired principles whose statements changed (merged or split)
 * @param unchanged paired principles with the same text, CAI line, position and statements
 */
public record VersionDiff(int from, int to, List<Item> added, List<Item> removed, List<Reworded> reworded,
                          List<Moved> moved, List<Regrouped> regrouped, int unchanged) {

    /** A principle and its 1-based position. */
    public record Item(int position, String text, List<Long> statementIds) {
    }

    public record Reworded(int position, String before, String after, String caiBefore, String caiAfter,
                           List<Long> statementIds) {
    }

    public record Moved(String text, int fromPosition, int toPosition) {
    }

    public record Regrouped(int position, String text, List<Long> before, List<Long> after) {
    }

    public static VersionDiff of(int fromNumber, Constitution from, int toNumber, Constitution to) {
        List<Constitution.Principle> a = from.principles();
        List<Constitution.Principle> b = to.principles();
        boolean[] used = new boolean[a.size()];
        int[] pair = new int[b.size()];
        for (int j = 0; j < b.size(); j++) {
            Set<Long> ids = new HashSet<>(b.get(j).statementIds());
            int best = -1;
            int bestShared = 0;
            for (int i = 0; i < a.size(); i++) {
                if (used[i]) {
                    continue;
                }
                int shared = (int) a.get(i).statementIds().stream().filter(ids::contains).count();
                if (shared > bestShared) {
                    best = i;
                    bestShared = shared;
                }
            }
            pair[j] = best;
            if (best >= 0) {
                used[best] = true;
            }
        }
        // rank of each paired principle among the paired ones, in the older version's order
        int[] olderRank = new int[a.size()];
        int rank = 0;
        for (int i = 0; i < a.size(); i++) {
            if (used[i]) {
                olderRank[i] = rank++;
            }
        }
        int newerRank = 0;
        List<Item> added = new ArrayList<>();
        List<Reworded> reworded = new ArrayList<>();
        List<Moved> moved = new ArrayList<>();
        List<Regrouped> regrouped = new ArrayList<>();
        int unchanged = 0;
        for (int j = 0; j < b.size(); j++) {
            Constitution.Principle pb = b.get(j);
            if (pair[j] < 0) {
                added.add(new Item(j + 1, pb.text(), pb.statementIds()));
                continue;
            }
            Constitution.Principle pa = a.get(pair[j]);
            boolean same = true;
            if (!pa.text().equals(pb.text()) || !pa.cai().equals(pb.cai())) {
                reworded.add(new Reworded(j + 1, pa.text(), pb.text(), pa.cai(), pb.cai(), pb.statementIds()));
                same = false;
            }
            if (olderRank[pair[j]] != newerRank++) {
                moved.add(new Moved(pb.text(), pair[j] + 1, j + 1));
                same = false;
            }
            if (!new HashSet<>(pa.statementIds()).equals(new HashSet<>(pb.statementIds()))) {
                regrouped.add(new Regrouped(j + 1, pb.text(), pa.statementIds(), pb.statementIds()));
                same = false;
            }
            if (same) {
                unchanged++;
            }
        }
        List<Item> removed = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (!used[i]) {
                removed.add(new Item(i + 1, a.get(i).text(), a.get(i).statementIds()));
            }
        }
        return new VersionDiff(fromNumber, toNumber, added, removed, reworded, moved, regrouped, unchanged);
    }
}
