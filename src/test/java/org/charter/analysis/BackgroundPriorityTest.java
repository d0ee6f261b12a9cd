package org.charter.analysis;

import org.charter.testing.SchedulingPolicy;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The idle scheduling class as Linux reports it in /proc (this machine is Linux). */
class BackgroundPriorityTest {

    @Test
    void aLoweredThreadIsInTheIdleClassAndSoAreTheThreadsItStarts() throws Exception {
        AtomicInteger before = new AtomicInteger(-1);
        AtomicInteger after = new AtomicInteger(-1);
        AtomicInteger child = new AtomicInteger(-1);
        AtomicInteger lowered = new AtomicInteger();
        Thread thread = Thread.ofPlatform().start(() -> {
            before.set(SchedulingPolicy.ofCurrentThread());
            lowered.set(BackgroundPriority.lowerCurrentThread() ? 1 : 0);
            after.set(SchedulingPolicy.ofCurrentThread());
            Thread started = Thread.ofPlatform().start(() -> child.set(SchedulingPolicy.ofCurrentThread()));
            try {
                started.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        thread.join();
        assertEquals(SchedulingPolicy.NORMAL, before.get());
        assertEquals(1, lowered.get(), "the call succeeded");
        assertEquals(SchedulingPolicy.IDLE, after.get());
        assertEquals(SchedulingPolicy.IDLE, child.get(), "Linux hands the class down: why only computing threads are lowered");
        assertEquals(SchedulingPolicy.NORMAL, SchedulingPolicy.ofCurrentThread(), "only the thread that asked is lowered");
    }

    @Test
    void threadsFromTheFactoryRunTheirTasksAtIdlePriority() throws Exception {
        AtomicInteger policy = new AtomicInteger(-1);
        Thread thread = BackgroundPriority.threads("test-background").newThread(() -> policy.set(SchedulingPolicy.ofCurrentThread()));
        assertTrue(thread.isDaemon());
        assertEquals("test-background-0", thread.getName());
        thread.start();
        thread.join();
        assertEquals(SchedulingPolicy.IDLE, policy.get());
    }

    @Test
    void anotherProcessOfThisUserCanBeGivenTheLowestNiceValue() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        try {
            Path stat = Path.of("/proc/" + sleeper.pid() + "/stat");
            assertEquals(0, SchedulingPolicy.niceIn(stat));
            assertTrue(BackgroundPriority.lowerProcess(sleeper.pid()));
            assertEquals(19, SchedulingPolicy.niceIn(stat));
            assertEquals(SchedulingPolicy.NORMAL, SchedulingPolicy.in(stat), "lowered, not moved to the idle class");
        } finally {
            sleeper.destroy();
        }
    }
}
