package org.charter.analysis;

import java.util.SplittableRandom;

/** Conversations with planted opinion groups, for tests. */
final class TestConversations {

    /** Votes and the planted group of each participant (ids 0, 1, ...). */
    record Planted(Votes votes, int[] group, int statements) {
        AnalysisInput input() {
            return AnalysisInput.of(TestVotes.statements(statements), votes);
        }
    }

    private TestConversations() {
    }

    /**
     * {@code groups} equal groups; each statement is agreed with by a random half of the groups (probability 0.9)
     * and rejected by the others (0.1); each participant votes on each statement with probability {@code density}.
     */
    static Planted planted(int participants, int statements, int groups, double density, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        boolean[][] side = new boolean[statements][groups];
        for (int s = 0; s < statements; s++) {
            for (int g = 0; g < groups; g++) {
                side[s][g] = random.nextBoolean();
            }
        }
        int[] group = new int[participants];
        Votes.Builder b = Votes.builder();
        for (int p = 0; p < participants; p++) {
            group[p] = p % groups;
            for (int s = 0; s < statements; s++) {
                if (random.nextDouble() < density) {
                    double agree = side[s][group[p]] ? 0.9 : 0.1;
                    b.add(p, s, random.nextDouble() < 0.1 ? 0 : random.nextDouble() < agree ? 1 : -1);
                }
            }
        }
        return new Planted(b.build(), group, statements);
    }
}
