package org.charter.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * How much of a process's CPU time its JIT compiler threads took between two readings, from Linux's
 * {@code /proc/PID/task}: {@code bench votes} reports it so that a reader can see whether the server under test had
 * finished compiling its hot code during the measured seconds (a server compiling still is not yet at its sustained
 * speed). Elsewhere than on Linux there is nothing to read and the share is unknown.
 */
final class JitShare {

    /** CPU time (clock ticks) of the JIT compiler threads and of the whole process at one moment. */
    record Reading(long compilerTicks, long processTicks) {
    }

    private final Path tasks;

    JitShare(long pid) {
        this.tasks = Path.of("/proc", Long.toString(pid), "task");
    }

    /** Empty when the process's threads cannot be read (not Linux, or the process is gone). */
    OptionalDouble between(Reading from, Reading to) {
        if (from == null || to == null || to.processTicks() <= from.processTicks()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((double) (to.compilerTicks() - from.compilerTicks()) / (to.processTicks() - from.processTicks()));
    }

    /** The current reading, or null when there is none. */
    Reading read() {
        if (!Files.isDirectory(tasks)) {
            return null;
        }
        long compiler = 0;
        long all = 0;
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : threads.toList()) {
                try {
                    long ticks = cpuTicks(Files.readString(thread.resolve("stat")));
                    all += ticks;
                    // HotSpot names them "C1 CompilerThread0", "C2 CompilerThread0", … (cut to 15 characters)
                    if (Files.readString(thread.resolve("comm")).contains("CompilerThre")) {
                        compiler += ticks;
                    }
                } catch (IOException threadEnded) {
                    // a thread that ended between listing and reading takes its time with it
                }
            }
        } catch (IOException e) {
            return null;
        }
        return new Reading(compiler, all);
    }

    /** User plus system time from a {@code /proc/…/stat} line (fields 14 and 15, counted after the command name). */
    static long cpuTicks(String stat) {
        // the command name (field 2) is in parentheses and may itself hold spaces and parentheses
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" +");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
