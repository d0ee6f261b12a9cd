package org.charter.analysis.snapshot;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The spacing of analysis runs on a conversation that never stops receiving votes. */
class AnalysisSchedulerTest {

    @Test
    void aRunIsFollowedByAPauseThatKeepsAnalysisToItsShareOfTheTime() {
        long second = TimeUnit.SECONDS.toNanos(1);
        // 1 s of work at a 25 % share: 3 s of pause, so a 4 s cycle of which 1 s is analysis
        assertEquals(3 * second, AnalysisScheduler.pause(second, 0.25));
        assertEquals(second, AnalysisScheduler.pause(second, 0.5));
        assertEquals(0, AnalysisScheduler.pause(second, 1.0), "a share of 1 never waits");
    }
}
