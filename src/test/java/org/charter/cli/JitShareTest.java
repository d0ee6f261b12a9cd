package org.charter.cli;

import org.junit.jupiter.api.Test;

import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JIT compiler's share of a process's CPU, read from /proc (the machines Charter is benchmarked on run Linux). */
class JitShareTest {

    @Test
    void cpuTimeIsUserPlusSystemEvenWhenTheThreadNameHoldsSpacesAndParentheses() {
        String stat = "4242 (C2 Compiler (x) 1) S 1 4242 4242 0 -1 4194368 5 0 0 0 170 30 0 0 20 0 1 0 100 0 0";
        assertEquals(200, JitShare.cpuTicks(stat));
    }

    @Test
    void sharesAreBetweenTwoReadingsOfTheSameProcess() {
        JitShare jit = new JitShare(ProcessHandle.current().pid());
        JitShare.Reading from = jit.read();
        assertNotNull(from, "this JVM's threads can be read");
        assertTrue(from.processTicks() > 0 && from.compilerTicks() <= from.processTicks(), from.toString());
        assertEquals(OptionalDouble.of(0.25), jit.between(new JitShare.Reading(10, 100), new JitShare.Reading(20, 140)));
        assertTrue(jit.between(from, from).isEmpty(), "no CPU time between the readings: no share");
        assertTrue(new JitShare(Long.MAX_VALUE).read() == null, "no such process");
    }
}
