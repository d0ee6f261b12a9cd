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

        // Pass 1: bucket by column, keeping input order within a column.
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
        // Pass 2: bucket by row, walking columns in order, so each row comes out sorted by column, and repeated
        // votes on one pair sit next to each other in input order: the last of each run is the latest vote.
        int[] rowCount = new int[rows + 1];
        for (int k = 0; k < n; k++) {
            rowCount[byColRow[k] + 1]++;
        }
        for (int r = 0; r < rows; r++) {
            rowCount[r + 1] += rowCount[r];
        }
        int[] rowFill = Arrays.copyOf(rowCount, rows);
        int[] col = new int[n];
        byte[] value = new byte[n];
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
        // Compact away the slots freed by repeated votes.
        int[] rowStart = new int[rows + 1];
        int write = 0;
        for (int r = 0; r < rows; r++) {
            rowStart[r] = write;
            for (int k = rowCount[r]; k < rowFill[r]; k++) {
                col[write] = col[k];
                value[write] = value[k];
                write++;
            }
        }
        rowStart[rows] = write;
        if (write < n) {
            col = Arrays.copyOf(col, write);
            value = Arrays.copyOf(value, write);
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
