package org.charter.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Splits the big loops of the analysis (over votes or participants) across the machine's cores. How a loop is cut
 * into parts depends only on its size, never on the machine, and each part writes only its own accumulators, which
 * the caller combines in part order: so every sum comes out bit for bit the same on any machine, with any number of
 * cores, and a stored analysis state is reproducible anywhere.
 */
final class Parallel {

    /** At most this many parts. */
    static final int MAX_PARTS = 8;

    /**
     * The other parts run at idle priority, so a big analysis never takes CPU from answering participants; part 0
     * runs on the caller's thread, at the caller's priority.
     */
    private static final ExecutorService POOL = Executors.newCachedThreadPool(BackgroundPriority.threads("charter-analysis"));

    private Parallel() {
    }

    /**
     * Boundaries splitting rows [0, rows) into parts of about equal work, where row r holds
     * {@code rowStart[r+1] − rowStart[r]} units, with at least {@code minPerPart} units per part (one part for
     * small inputs). Part i covers rows {@code [result[i], result[i+1])}.
     */
    static int[] split(int[] rowStart, int rows, int minPerPart) {
        long total = rowStart[rows] - rowStart[0];
        int parts = (int) Math.max(1, Math.min(MAX_PARTS, total / Math.max(1, minPerPart)));
        int[] bounds = new int[parts + 1];
        bounds[parts] = rows;
        for (int i = 1; i < parts; i++) {
            long target = rowStart[0] + total * i / parts;
            int at = java.util.Arrays.binarySearch(rowStart, 0, rows + 1, (int) target);
            at = at >= 0 ? at : -at - 1;
            bounds[i] = Math.max(bounds[i - 1], Math.min(rows, at));
        }
        return bounds;
    }

    /** Boundaries splitting n equal items into parts of at least {@code minPerPart} items. */
    static int[] split(int n, int minPerPart) {
        int parts = Math.max(1, Math.min(MAX_PARTS, n / Math.max(1, minPerPart)));
        int[] bounds = new int[parts + 1];
        for (int i = 0; i <= parts; i++) {
            bounds[i] = (int) ((long) n * i / parts);
        }
        return bounds;
    }

    /** Runs {@code task.accept(i)} for each part i; part 0 on the calling thread. */
    static void run(int parts, IntConsumer task) {
        if (parts == 1) {
            task.accept(0);
            return;
        }
        List<Future<?>> others = new ArrayList<>(parts - 1);
        for (int i = 1; i < parts; i++) {
            int part = i;
            others.add(POOL.submit(() -> task.accept(part)));
        }
        task.accept(0);
        try {
            for (Future<?> f : others) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
