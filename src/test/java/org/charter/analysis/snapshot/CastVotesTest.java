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

    @Test
    void aPairReadAgainKeepsTheVoteWithTheHigherId() {
        CastVotes cast = new CastVotes();
        cast.add(1, 1, 1, 10);
        cast.add(2, 1, 1, 20);
        cast.add(1, 1, -1, 30); // participant 1 changed their vote: it now counts as cast at 30
        cast.add(2, 1, 0, 15);  // an older history row of participant 2, read again: ignored
        cast.add(2, 1, 1, 20);  // the same row read twice: nothing changes
        assertEquals(2, cast.size());
        assertEquals(List.of("2/1=1", "1/1=-1"), visited(cast));
    }

    @Test
    void manyPairsSurviveTheIndexGrowing() {
        CastVotes cast = new CastVotes();
        for (int i = 0; i < 10_000; i++) {
            cast.add(i % 100, i / 100, 1, i);
        }
        for (int i = 0; i < 10_000; i += 2) {
            cast.add(i % 100, i / 100, -1, 20_000 + i); // every other pair changes, in a later vote
        }
        assertEquals(10_000, cast.size());
        List<String> out = visited(cast);
        assertEquals("1/0=1", out.getFirst(), "unchanged pairs keep their place");
        assertEquals("98/99=-1", out.getLast(), "changed pairs move to when they changed");
        assertEquals(5_000, out.stream().filter(v -> v.endsWith("=-1")).count());
    }
}
