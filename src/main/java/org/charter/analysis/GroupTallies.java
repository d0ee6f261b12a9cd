package org.charter.analysis;

/**
 * Per group, per statement: agree, disagree and seen counts among the group's members (polis-math.md §4, Polis's
 * {@code group-votes}). Counted on the raw matrix, so moderated-out statements are tallied too. Pass = seen −
 * agree − disagree.
 *
 * @param groupIds  group ids, ascending
 * @param members   matrix rows of each group's members
 * @param agree     [group][column]
 * @param disagree  [group][column]
 * @param seen      [group][column]
 */
record GroupTallies(int[] groupIds, int[][] members, int[][] agree, int[][] disagree, int[][] seen) {

    /** Votes per part below which counting is not split. */
    private static final int PARALLEL_VOTES = 200_000;

    /** Counts the groups' votes in one pass over the matrix (in parallel for big ones). */
    static GroupTallies of(VoteMatrix m, int[] groupIds, int[][] members) {
        int groups = groupIds.length;
        int columns = m.columns();
        int[] groupOf = new int[m.rows()];
        java.util.Arrays.fill(groupOf, -1);
        for (int g = 0; g < groups; g++) {
            for (int r : members[g]) {
                groupOf[r] = g;
            }
        }
        int[] bounds = Parallel.split(m.rowStart, m.rows(), PARALLEL_VOTES);
        int[][] partial = new int[bounds.length - 1][];
        Parallel.run(partial.length, part -> {
            // Interleaved (agree, disagree, seen) per group and column: one cache line per vote.
            int[] counts = new int[groups * columns * 3];
            for (int r = bounds[part]; r < bounds[part + 1]; r++) {
                int g = groupOf[r];
                if (g < 0) {
                    continue;
                }
                int base = g * columns * 3;
                for (int k = m.rowStart[r]; k < m.rowStart[r + 1]; k++) {
                    int at = base + 3 * m.col[k];
                    byte v = m.value[k];
                    if (v > 0) {
                        counts[at]++;
                    } else if (v < 0) {
                        counts[at + 1]++;
                    }
                    counts[at + 2]++;
                }
            }
            partial[part] = counts;
        });
        int[][] agree = new int[groups][columns];
        int[][] disagree = new int[groups][columns];
        int[][] seen = new int[groups][columns];
        for (int[] counts : partial) {
            for (int g = 0; g < groups; g++) {
                for (int c = 0; c < columns; c++) {
                    int at = (g * columns + c) * 3;
                    agree[g][c] += counts[at];
                    disagree[g][c] += counts[at + 1];
                    seen[g][c] += counts[at + 2];
                }
            }
        }
        return new GroupTallies(groupIds, members, agree, disagree, seen);
    }

    /** All groups' votes as one group (the placed participants, for routing). */
    GroupTallies merged() {
        int columns = groups() == 0 ? 0 : agree[0].length;
        int[] a = new int[columns];
        int[] d = new int[columns];
        int[] s = new int[columns];
        for (int g = 0; g < groups(); g++) {
            for (int c = 0; c < columns; c++) {
                a[c] += agree[g][c];
                d[c] += disagree[g][c];
                s[c] += seen[g][c];
            }
        }
        return new GroupTallies(new int[]{0}, new int[][]{new int[0]}, new int[][]{a}, new int[][]{d},
                new int[][]{s});
    }

    int groups() {
        return groupIds.length;
    }
}
