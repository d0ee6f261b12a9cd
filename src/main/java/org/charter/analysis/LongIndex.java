package org.charter.analysis;

import java.util.Arrays;

/**
 * Dense indices for {@code long} ids, in order of first appearance: an open-addressing hash table on primitive
 * arrays, so that interning millions of vote ids costs neither boxing nor garbage.
 */
final class LongIndex {

    private static final int EMPTY = -1;

    private long[] keys;
    private int[] slots;
    private long[] ids;
    private int size;

    LongIndex(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        slots = new int[capacity];
        Arrays.fill(slots, EMPTY);
        ids = new long[Math.max(16, expected)];
    }

    /** The index of {@code id}, adding it if new. */
    int intern(long id) {
        int mask = slots.length - 1;
        int at = mix(id) & mask;
        while (slots[at] != EMPTY) {
            if (keys[at] == id) {
                return slots[at];
            }
            at = (at + 1) & mask;
        }
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
        }
        keys[at] = id;
        slots[at] = size;
        ids[size] = id;
        size++;
        if (size * 2 > slots.length) {
            grow();
        }
        return size - 1;
    }

    /** The index of {@code id}, or −1 if it was never interned. */
    int indexOf(long id) {
        int mask = slots.length - 1;
        int at = mix(id) & mask;
        while (slots[at] != EMPTY) {
            if (keys[at] == id) {
                return slots[at];
            }
            at = (at + 1) & mask;
        }
        return EMPTY;
    }

    int size() {
        return size;
    }

    /** The ids by index (a copy). */
    long[] ids() {
        return Arrays.copyOf(ids, size);
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldSlots = slots;
        keys = new long[oldKeys.length * 2];
        slots = new int[oldSlots.length * 2];
        Arrays.fill(slots, EMPTY);
        int mask = slots.length - 1;
        for (int i = 0; i < oldSlots.length; i++) {
            if (oldSlots[i] != EMPTY) {
                int at = mix(oldKeys[i]) & mask;
                while (slots[at] != EMPTY) {
                    at = (at + 1) & mask;
                }
                keys[at] = oldKeys[i];
                slots[at] = oldSlots[i];
            }
        }
    }

    private static int mix(long id) {
        long h = id * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
