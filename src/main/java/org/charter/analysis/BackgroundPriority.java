package org.charter.analysis;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.stream.Stream;

/**
 * Background work at the lowest priority Linux offers. A thread in the idle scheduling class ({@code SCHED_IDLE})
 * runs only on CPU time that no ordinary thread wants. The live analysis of a big conversation takes seconds of both cores; at idle priority it
 * takes them from nobody, so the votes arriving meanwhile are answered as fast as without it, and on a quiet machine
 * the analysis still runs at full speed. Java's own thread priorities do not reach the Linux scheduler, hence the
 * system call. Elsewhere (not Linux, or the call refused) the thread keeps its priority.
 * <p>
 * Linux hands the class down to every thread a lowered thread starts, and an ordinary process cannot take it back,
 * so only threads that compute and start nothing else are lowered: a connection pool's or a cache's helper thread
 * started from one would stay idle for good.
 */
public final class BackgroundPriority {

    private static final int SCHED_IDLE = 5;

    private static final Optional<MethodHandle> SCHED_SETSCHEDULER = lookup("sched_setscheduler",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
    private static final Optional<MethodHandle> SETPRIORITY = lookup("setpriority",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    private static final int PRIO_PROCESS = 0;
    private static final int LOWEST_NICE = 19;

    private BackgroundPriority() {
    }

    /** Whether the calling thread is now in the idle class (for good: see above). */
    public static boolean lowerCurrentThread() {
        if (SCHED_SETSCHEDULER.isEmpty()) {
            return false;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment param = arena.allocate(ValueLayout.JAVA_INT); // struct sched_param { int sched_priority = 0; }
            // pid 0: the calling thread (Linux schedules threads, not processes)
            return (int) SCHED_SETSCHEDULER.get().invokeExact(0, SCHED_IDLE, param) == 0;
        } catch (Throwable e) {
            return false;
        }
    }

    /**
     * Puts every thread of this process in the idle class, the JVM's own (compiler, garbage collector) included, and
     * the threads they start later: for a process that does nothing but background work. Answers how many threads
     * were lowered.
     */
    public static int lowerWholeProcess() {
        if (SCHED_SETSCHEDULER.isEmpty()) {
            return 0;
        }
        int lowered = 0;
        try (Arena arena = Arena.ofConfined(); Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            MemorySegment param = arena.allocate(ValueLayout.JAVA_INT);
            for (Path task : (Iterable<Path>) tasks::iterator) {
                int tid = Integer.parseInt(task.getFileName().toString());
                // a thread that ended meanwhile answers -1 (no such thread); the others are lowered all the same
                if ((int) SCHED_SETSCHEDULER.get().invokeExact(tid, SCHED_IDLE, param) == 0) {
                    lowered++;
                }
            }
        } catch (Throwable e) {
            // no /proc to list the threads: those lowered so far stay lowered
        }
        return lowered;
    }

    /** Daemon threads named {@code name-0}, {@code name-1}, … that lower themselves before their first task. */
    public static ThreadFactory threads(String name) {
        ThreadFactory platform = Thread.ofPlatform().name(name + "-", 0).daemon(true).factory();
        return task -> platform.newThread(() -> {
            lowerCurrentThread();
            task.run();
        });
    }

    /**
     * Gives another process of this user (say, the embedded PostgreSQL's session serving a worker) the lowest nice
     * value, 19: not the idle class, as a PostgreSQL session holds locks other sessions wait for, and an idle-class
     * holder could keep them waiting for as long as the machine is busy. Answers whether it worked (a process of
     * another user, such as a PostgreSQL server run by its own account, cannot be lowered).
     */
    public static boolean lowerProcess(long pid) {
        if (SETPRIORITY.isEmpty()) {
            return false;
        }
        try {
            return (int) SETPRIORITY.get().invokeExact(PRIO_PROCESS, (int) pid, LOWEST_NICE) == 0;
        } catch (Throwable e) {
            return false;
        }
    }

    private static Optional<MethodHandle> lookup(String function, FunctionDescriptor descriptor) {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return Optional.empty();
        }
        try {
            Linker linker = Linker.nativeLinker();
            return linker.defaultLookup().find(function).map(address -> linker.downcallHandle(address, descriptor));
        } catch (RuntimeException | LinkageError e) { // e.g. native access disabled
            return Optional.empty();
        }
    }
}
