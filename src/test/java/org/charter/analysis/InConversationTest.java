package org.charter.analysis;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** §1.4 and §16 C3: who is clustered. */
class InConversationTest {

    @Test
    void sevenVotesQualifyAndTheSetIsToppedUpToFifteenByActivity() {
        // 20 participants on 10 statements: 0 and 1 have 8 votes, 2 has 7, then 6, 6, 5, 5, ... votes.
        String[] rows = new String[20];
        int[] counts = {8, 8, 7, 6, 6, 5, 5, 4, 4, 3, 3, 3, 2, 2, 2, 2, 1, 1, 1, 1};
        for (int p = 0; p < rows.length; p++) {
            rows[p] = "+".repeat(counts[p]) + ".".repeat(10 - counts[p]);
        }
        VoteMatrix m = TestVotes.matrix(rows);
        long[] inConversation = InConversation.update(new long[0], m, 7, 15);
        // 0, 1, 2 qualify; 12 more by vote count, lower id first among equals (12, 13, 14 of the four with 2 votes).
        assertArrayEquals(new long[]{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14}, inConversation);
    }

    @Test
    void theThresholdIsCappedByTheNumberOfStatementsAndMembershipIsForever() {
        VoteMatrix m = TestVotes.matrix("++", "+.", ".-");
        // With 2 statements, 2 votes qualify; with the floor at 1, only participant 0 is in.
        assertArrayEquals(new long[]{0}, InConversation.update(new long[0], m, 7, 1));
        // A participant admitted earlier stays even below the threshold.
        assertArrayEquals(new long[]{0, 2}, InConversation.update(new long[]{2}, m, 7, 1));
        // And one who no longer has votes stays in the set (it only ever grows).
        assertArrayEquals(new long[]{0, 2, 99}, InConversation.update(new long[]{2, 99}, m, 7, 1));
    }
}
