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

    static GroupTallies of(VoteMatrix m, int[] groupIds, int[][] members) {
        int groups = groupIds.length;
        int columns = m.columns();
        int[][] agree = new int[groups][columns];
        int[][] disagree = new int[groups][columns];
        int[][] seen = new int[groups][columns];
        for (int g = 0; g < groups; g++) {
            for (int r : members[g]) {
                for (int k = m.rowStart[r]; k < m.rowStart[r + 1]; k++) {
                    int c = m.col[k];
                    seen[g][c]++;
                    if (m.value[k] > 0) {
                        agree[g][c]++;
                    } else if (m.value[k] < 0) {
                        disagree[g][c]++;
                    }
                }
            }
        }
        return new GroupTallies(groupIds, members, agree, disagree, seen);
    }

    int groups() {
        return groupIds.length;
    }
}
