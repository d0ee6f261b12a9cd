package org.charter.analysis.snapshot;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Votes read in any order reach the analysis in the order they were cast. */
class CastVotesTest {

    private static List<String> visited(CastVotes cast) {
        List<String> out = new ArrayList<>();
        cast.inCastOrder().forEach((p, s, v) -> out.add(p + "/" + s + "=" + v));
        return out;
    }

    @Test
    void votesComeOutByVoteId() {
        CastVotes cast = new CastVotes();
        cast.add(7, 1, 1, 30);
        cast.add(5, 2, -1, 10);
        cast.add(7, 2, 0, 40);
        cast.add(9, 1, 1, 20);
        assertEquals(List.of("5/2=-1", "9/1=1", "7/1=1", "7/2=0"), visited(cast));
    }

    @Test
    void manyVotesInReverseOrder() {
        CastVotes cast = new CastVotes();
        int n = 5_000; // past the first growth of the arrays
        for (int i = n; i > 0; i--) {
            cast.add(i, i % 7, i % 3 - 1, 100L * i);
        }
        List<String> out = visited(cast);
        assertEquals(n, out.size());
        for (int i = 1; i <= n; i++) {
            assertEquals(i + "/" + (i % 7) + "=" + (i % 3 - 1), out.get(i - 1));
        }
    }

    @Test
    void equalVoteIdsKeepTheOrderTheyWereReadIn() {
        CastVotes cast = new CastVotes();
        cast.add(1, 1, 1, 50);
        cast.add(2, 1, -1, 50);
        cast.add(3, 1, 0, 5);
        assertEquals(List.of("3/1=0", "1/1=1", "2/1=-1"), visited(cast));
    }
}
