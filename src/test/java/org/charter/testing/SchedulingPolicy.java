package org.charter.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A Linux thread's scheduling policy and nice value as /proc reports them. */
public final class SchedulingPolicy {

    /** SCHED_OTHER, the default, and SCHED_IDLE. */
    public static final int NORMAL = 0;
    public static final int IDLE = 5;

    private SchedulingPolicy() {
    }

    public static int ofCurrentThread() {
        try {
            return in(Path.of("/proc/thread-self/stat"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The policy: field 41 of a /proc/…/stat file. */
    public static int in(Path stat) throws IOException {
        return Integer.parseInt(field(stat, 41));
    }

    /** The nice value: field 19. */
    public static int niceIn(Path stat) throws IOException {
        return Integer.parseInt(field(stat, 19));
    }

    /** Field n (from 1) of a /proc/…/stat file; field 2, the command name, may hold spaces, so count from its ')'. */
    private static String field(Path stat, int n) throws IOException {
        String text = Files.readString(stat);
        return text.substring(text.lastIndexOf(')') + 2).trim().split(" ")[n - 3];
    }
}
