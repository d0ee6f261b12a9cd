package org.charter.analysis.snapshot;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The spacing of analysis runs ({@link RunSpacing}), step by step on a made-up clock. */
class AnalysisSchedulerTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long DEBOUNCE = SECOND;

    @Test
    void aRunIsFollowedByAPauseThatKeepsAnalysisToItsShareOfTheTime() {
        // 1 s of work at a 25 % share: 3 s of pause, so a 4 s cycle of which 1 s is analysis
        assertEquals(3 * SECOND, RunSpacing.pause(SECOND, 0.25));
        assertEquals(SECOND, RunSpacing.pause(SECOND, 0.5));
        assertEquals(0, RunSpacing.pause(SECOND, 1.0), "a share of 1 never waits");
        assertThrows(IllegalArgumentException.class, () -> new RunSpacing(DEBOUNCE, 0));
        assertThrows(IllegalArgumentException.class, () -> new RunSpacing(DEBOUNCE, 1.5));
    }

    @Test
    void aBurstOfChangesCostsOneRunAfterTheDebounce() {
        RunSpacing spacing = new RunSpacing(DEBOUNCE, 0.25);
        assertEquals(OptionalLong.of(DEBOUNCE), spacing.changed(1, 0));
        assertEquals(OptionalLong.empty(), spacing.changed(1, SECOND / 2), "a run is already waiting");
        assertEquals(OptionalLong.of(DEBOUNCE), spacing.changed(2, SECOND / 2), "another conversation waits on its own");
        spacing.started(1);
        assertEquals(OptionalLong.empty(), spacing.finished(1, SECOND, 2 * SECOND), "no change since the run started");
    }

    @Test
    void changesDuringARunWaitForThePauseItEarned() {
        RunSpacing spacing = new RunSpacing(DEBOUNCE, 0.25);
        long t = 0;
        spacing.changed(1, t);
        // The first two runs take 2 s each; votes keep arriving while they run.
        for (int run = 0; run < 2; run++) {
            spacing.started(1);
            assertEquals(OptionalLong.empty(), spacing.changed(1, t + SECOND), "the change waits for the running run");
            OptionalLong next = spacing.finished(1, t, t + 2 * SECOND);
            // The first run in a JVM may be slow for reasons of its own, so it earns no pause; the second does:
            // 2 s of work at 25 % means 6 s of pause.
            assertEquals(OptionalLong.of(run == 0 ? DEBOUNCE : 6 * SECOND), next);
            t += 2 * SECOND + next.getAsLong();
        }
        // Over a long stretch of votes, analysis fills a quarter of the time.
        long busy = 0;
        long from = t;
        for (int run = 0; run < 10; run++) {
            spacing.started(1);
            spacing.changed(1, t + SECOND / 2);
            long next = spacing.finished(1, t, t + 2 * SECOND).orElseThrow();
            busy += 2 * SECOND;
            t += 2 * SECOND + next;
        }
        assertEquals(0.25, (double) busy / (t - from), 1e-9);
    }

    @Test
    void aRunThatCouldNotTakeTheLockIsTriedAgain() {
        RunSpacing spacing = new RunSpacing(DEBOUNCE, 0.25);
        spacing.changed(1, 0);
        spacing.started(1);
        assertEquals(OptionalLong.of(DEBOUNCE), spacing.postponed(1, SECOND));
        assertEquals(OptionalLong.empty(), spacing.changed(1, SECOND), "the retry is waiting");
    }

    @Test
    void aChangeAfterTheRunWaitsOutThePause() {
        RunSpacing spacing = new RunSpacing(DEBOUNCE, 0.5);
        spacing.changed(1, 0);
        spacing.started(1);
        spacing.finished(1, 0, 4 * SECOND);
        spacing.changed(1, 5 * SECOND);
        spacing.started(1);
        spacing.finished(1, 6 * SECOND, 10 * SECOND); // two 4 s runs at 50 %: 4 s of pause, until 14 s
        assertEquals(OptionalLong.of(3 * SECOND), spacing.changed(1, 11 * SECOND));
        spacing.started(1);
        spacing.finished(1, 14 * SECOND, 15 * SECOND); // a 1 s run: 1 s of pause, until 16 s
        assertEquals(OptionalLong.of(DEBOUNCE), spacing.changed(1, 30 * SECOND), "long after the pause, the debounce");
    }
}
