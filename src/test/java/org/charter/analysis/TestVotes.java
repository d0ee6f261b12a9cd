package org.charter.analysis;

import java.util.ArrayList;
import java.util.List;

/** Small helpers to write vote matrices in tests. */
final class TestVotes {

    private TestVotes() {
    }

    /**
     * Votes from rows of text, one row per participant (ids 0, 1, ...), one character per statement (ids 0, 1,
     * ...): {@code +} agree, {@code -} disagree, {@code 0} pass, {@code .} not voted.
     */
    static Votes of(String... rows) {
        Votes.Builder b = Votes.builder();
        for (int p = 0; p < rows.length; p++) {
            for (int s = 0; s < rows[p].length(); s++) {
                char c = rows[p].charAt(s);
                if (c != '.') {
                    b.add(p, s, c == '+' ? 1 : c == '-' ? -1 : 0);
                }
            }
        }
        return b.build();
    }

    static List<AnalysisInput.Statement> statements(int count) {
        List<AnalysisInput.Statement> list = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            list.add(AnalysisInput.Statement.of(s));
        }
        return list;
    }

    static VoteMatrix matrix(String... rows) {
        return VoteMatrix.of(of(rows), statements(rows[0].length()));
    }
}
