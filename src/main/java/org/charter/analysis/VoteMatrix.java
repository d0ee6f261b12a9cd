package org.charter.analysis;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The participant × statement vote matrix (polis-math.md §1.2), stored sparse: compressed rows (CSR) of the votes
 * that exist, agree = +1, disagree = −1, pass = 0, missing = not voted. Rows are participants in ascending id
 * order, columns are the statements that have at least one vote, in ascending id order, and each row lists its
 * columns in ascending order; so every sum the analysis computes runs in an order that depends only on the votes,
 * not on the order the caller supplied them in. The one use of that order is {@link #arrival}.
 *
 * <p>This one structure plays the roles of Polis's three matrices: the raw matrix is the votes as stored; the
 * moderated matrix zeroes the {@link #excluded excluded} (moderated-out or meta) columns for every participant; the
 * mean-imputed, centred matrix Polis fits PCA on has exactly the entries {@code x − μ} at votes on included columns
 * and 0 everywhere else, so it needs no storage of its own (§2.2).
 */
final class VoteMatrix {

    final long[] participantIds;
    final long[] statementIds;
    /**
     * Per row, the participant's rank in order of first appearance in the votes as supplied: Polis's row order
     * (its matrix grows as votes arrive), which is the "data order" its k-means starts from (§3.2).
     */
    final int[] arrival;
    /** Row i's votes are at positions {@code rowStart[i] .. rowStart[i+1]-1} of {@link #col} and {@link #value}. */
    final int[] rowStart;
    final int[] col;
    final byte[] value;
    /** Moderated out or meta: zeroed in the moderated matrix (Polis's {@code mod-out}). */
    final boolean[] excluded;
    final boolean[] meta;
    final int excludedColumns;
    /** Column mean of the moderated matrix over the participants who voted: μ (§2.2); 0 for excluded columns. */
    final double[] mean;
    /** Raw tallies per column over every participant. */
    final int[] agrees;
    final int[] disagrees;
    final int[] seen;
    /** Per vote: its entry of the centred matrix Ā, {@code x − μ}, or 0 on an excluded column (§2.2). */
    final double[] centered;

    private VoteMatrix(long[] participantIds, int[] arrival, long[] statementIds, int[] rowStart, int[] col,
                       byte[] value, boolean[] excluded, boolean[] meta) {
        this.participantIds = participantIds;
        this.arrival = arrival;
        this.statementIds = statementIds;
        this.rowStart = rowStart;
        this.col = col;
        this.value = value;
        this.excluded = excluded;
        this.meta = meta;
        int columns = statementIds.length;
        int excludedCount = 0;
        for (boolean e : excluded) {
            excludedCount += e ? 1 : 0;
        }
        this.excludedColumns = excludedCount;
        agrees = new int[columns];
        disagrees = new int[columns];
        seen = new int[columns];
        for (int k = 0; k < col.length; k++) {
            int c = col[k];
            seen[c]++;
            if (value[k] > 0) {
                agrees[c]++;
            } else if (value[k] < 0) {
                disagrees[c]++;
            }
        }
        mean = new double[columns];
        for (int c = 0; c < columns; c++) {
            if (!excluded[c] && seen[c] > 0) {
                mean[c] = (double) (agrees[c] - disagrees[c]) / seen[c];
            }
        }
        centered = new double[col.length];
        for (int k = 0; k < col.length; k++) {
            int c = col[k];
            centered[k] = excluded[c] ? 0 : value[k] - mean[c];
        }
    }

    /** Builds the matrix: latest vote per pair (the last one added to {@code votes}), rows and columns by id. */
    static VoteMatrix of(Votes votes, List<AnalysisInput.Statement> statements) {
        return of(votes, statements, votes.size() >= SORT_BY_ROW_VOTES);
    }

    /** Builds the matrix with the chosen method (both give the same matrix; see {@link #SORT_BY_ROW_VOTES}). */
    static VoteMatrix of(Votes votes, List<AnalysisInput.Statement> statements, boolean sortByRow) {
        long[] pIds = votes.participantIds();
        long[] sIds = votes.statementIds();
        int[] rowOf = ranks(pIds);
        int[] colOf = ranks(sIds);
        long[] participantIds = sorted(pIds);
        long[] statementIds = sorted(sIds);
        int rows = participantIds.length;
        int columns = statementIds.length;
        int[] pIndex = votes.participantIndex();
        int[] sIndex = votes.statementIndex();
        byte[] values = votes.values();
        int n = values.length;

        int[][] built = !sortByRow
                ? bucketByColumnThenRow(n, rows, columns, rowOf, colOf, pIndex, sIndex, values)
                : bucketByRowThenSort(n, rows, rowOf, colOf, pIndex, sIndex, values);
        int[] rowStart = built[0];
        int[] col = built[1];
        byte[] value = new byte[col.length];
        for (int k = 0; k < col.length; k++) {
            value[k] = (byte) built[2][k];
        }

        Map<Long, AnalysisInput.Statement> byId = new HashMap<>();
        for (AnalysisInput.Statement s : statements) {
            byId.put(s.id(), s);
        }
        boolean[] excluded = new boolean[columns];
        boolean[] meta = new boolean[columns];
        for (int c = 0; c < columns; c++) {
            AnalysisInput.Statement s = byId.get(statementIds[c]);
            if (s != null) {
                excluded[c] = s.excluded();
                meta[c] = s.meta();
            }
        }
        int[] arrival = new int[rows];
        for (int i = 0; i < rowOf.length; i++) {
            arrival[rowOf[i]] = i;
        }
        return new VoteMatrix(participantIds, arrival, statementIds, rowStart, col, value, excluded, meta);
    }

    /**
     * From this many votes on, rows are sorted one by one (cache-friendly for big matrices, and split across
     * cores); below it, two counting passes (by column, then by row) are faster. Both give the same matrix.
     */
    private static final int SORT_BY_ROW_VOTES = 2_000_000;

    /**
     * Two stable counting passes: by column, then by row walking the columns in order, so each row comes out
     * sorted by column with repeated votes on one pair next to each other in input order (the last one wins).
     *
     * @return {rowStart, col, value as ints}
     */
    private static int[][] bucketByColumnThenRow(int n, int rows, int columns, int[] rowOf, int[] colOf,
                                                 int[] pIndex, int[] sIndex, byte[] values) {
        int[] colStart = new int[columns + 1];
        for (int k = 0; k < n; k++) {
            colStart[colOf[sIndex[k]] + 1]++;
        }
        for (int c = 0; c < columns; c++) {
            colStart[c + 1] += colStart[c];
        }
        int[] fill = Arrays.copyOf(colStart, columns);
        int[] byColRow = new int[n];
        byte[] byColValue = new byte[n];
        for (int k = 0; k < n; k++) {
            int at = fill[colOf[sIndex[k]]]++;
            byColRow[at] = rowOf[pIndex[k]];
            byColValue[at] = values[k];
        }
        int[] rowCount = new int[rows + 1];
        for (int k = 0; k < n; k++) {
            rowCount[byColRow[k] + 1]++;
        }
        for (int r = 0; r < rows; r++) {
            rowCount[r + 1] += rowCount[r];
        }
        int[] rowFill = Arrays.copyOf(rowCount, rows);
        int[] col = new int[n];
        int[] value = new int[n];
        for (int c = 0; c < columns; c++) {
            for (int k = colStart[c]; k < colStart[c + 1]; k++) {
                int r = byColRow[k];
                int at = rowFill[r];
                if (at > rowCount[r] && col[at - 1] == c) {
                    value[at - 1] = byColValue[k]; // a later vote on the same pair replaces the earlier one
                } else {
                    col[at] = c;
                    value[at] = byColValue[k];
                    rowFill[r] = at + 1;
                }
            }
        }
        return compact(rows, rowCount, rowFill, col, value);
    }

    /** Bucket by row (input order kept), then sort each row by column, keeping the last of repeated votes. */
    private static int[][] bucketByRowThenSort(int n, int rows, int[] rowOf, int[] colOf, int[] pIndex,
                                               int[] sIndex, byte[] values) {
        int[] rowCount = new int[rows + 1];
        for (int k = 0; k < n; k++) {
            rowCount[rowOf[pIndex[k]] + 1]++;
        }
        for (int r = 0; r < rows; r++) {
            rowCount[r + 1] += rowCount[r];
        }
        int[] fill = Arrays.copyOf(rowCount, rows);
        int[] col = new int[n];
        int[] value = new int[n];
        for (int k = 0; k < n; k++) {
            int at = fill[rowOf[pIndex[k]]]++;
            col[at] = colOf[sIndex[k]];
            value[at] = values[k];
        }
        int[] end = new int[rows];
        int[] bounds = Parallel.split(rowCount, rows, PARALLEL_VOTES);
        Parallel.run(bounds.length - 1, part -> {
            long[] keys = new long[16];
            for (int r = bounds[part]; r < bounds[part + 1]; r++) {
                keys = sortRow(col, value, rowCount[r], rowCount[r + 1], keys);
                end[r] = rowCount[r] + (int) keys[0];
            }
        });
        return compact(rows, rowCount, end, col, value);
    }

    /** Moves each row's entries [from[r], to[r]) together, closing the gaps left by repeated votes. */
    private static int[][] compact(int rows, int[] from, int[] to, int[] col, int[] value) {
        int[] rowStart = new int[rows + 1];
        int write = 0;
        for (int r = 0; r < rows; r++) {
            rowStart[r] = write;
            int length = to[r] - from[r];
            if (write != from[r]) {
                System.arraycopy(col, from[r], col, write, length);
                System.arraycopy(value, from[r], value, write, length);
            }
            write += length;
        }
        rowStart[rows] = write;
        return new int[][]{rowStart, write < col.length ? Arrays.copyOf(col, write) : col,
                write < value.length ? Arrays.copyOf(value, write) : value};
    }

    /** Votes per part below which the per-row sort is not split. */
    private static final int PARALLEL_VOTES = 200_000;

    /**
     * Sorts one row's votes (positions from..to) by column and keeps, of repeated votes on one column, the one
     * that came last; the row's new length is returned in {@code keys[0]} (keys is a reusable buffer, returned
     * possibly grown).
     */
    private static long[] sortRow(int[] col, int[] value, int from, int to, long[] keys) {
        int n = to - from;
        boolean ordered = true;
        for (int k = from + 1; k < to && ordered; k++) {
            ordered = col[k - 1] < col[k];
        }
        if (ordered) {
            keys[0] = n;
            return keys;
        }
        if (keys.length < n) {
            keys = new long[Math.max(n, keys.length * 2)];
        }
        // Key: column, then position in the row (the input order), so a stable order and the last vote wins.
        for (int i = 0; i < n; i++) {
            keys[i] = ((long) col[from + i] << 32) | ((long) i << 2) | (value[from + i] + 1);
        }
        Arrays.sort(keys, 0, n);
        int write = 0;
        for (int i = 0; i < n; i++) {
            int c = (int) (keys[i] >>> 32);
            if (i + 1 < n && (int) (keys[i + 1] >>> 32) == c) {
                continue; // a later vote on the same statement follows
            }
            col[from + write] = c;
            value[from + write] = (int) ((keys[i] & 3) - 1);
            write++;
        }
        keys[0] = write;
        return keys;
    }

    int rows() {
        return participantIds.length;
    }

    int columns() {
        return statementIds.length;
    }

    int votes() {
        return col.length;
    }

    /** Votes of participant {@code row}, moderated-out statements included (Polis's user-vote-counts). */
    int voteCount(int row) {
        return rowStart[row + 1] - rowStart[row];
    }

    /** Row index of a participant id, or −1. */
    int rowOf(long participantId) {
        int r = Arrays.binarySearch(participantIds, participantId);
        return r >= 0 ? r : -1;
    }

    /** Column index of a statement id, or −1. */
    int columnOf(long statementId) {
        int c = Arrays.binarySearch(statementIds, statementId);
        return c >= 0 ? c : -1;
    }

    /** For each index into {@code ids}, the rank of its id in ascending order. */
    private static int[] ranks(long[] ids) {
        long[] sorted = sorted(ids);
        int[] rank = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            rank[i] = Arrays.binarySearch(sorted, ids[i]);
        }
        return rank;
    }

    private static long[] sorted(long[] ids) {
        long[] copy = ids.clone();
        Arrays.sort(copy);
        return copy;
    }
}
