package org.charter.analysis;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** §2.2–§2.3: the components of the centred, mean-imputed matrix. */
class PcaTest {

    private static final double S = Math.sqrt(0.5);

    @Test
    void handComputedTwoStatementCase() {
        // Votes (+1,+1), (−1,−1), (+1,−1): means 1/3 and −1/3; centred rows (2/3, 4/3), (−4/3, −2/3),
        // (2/3, −2/3); ĀᵀĀ = [[24/9, 12/9], [12/9, 24/9]] with eigenvalues 4 and 4/3, eigenvectors (1, 1)/√2
        // and (1, −1)/√2.
        VoteMatrix m = TestVotes.matrix("++", "--", "+-");
        Pca.Fit fit = Pca.fit(m, null, null, 1, 100, 1e-13);
        assertArrayEquals(new double[]{1.0 / 3, -1.0 / 3}, fit.center(), 1e-15);
        assertEquals(4.0, fit.value1(), 1e-12);
        assertEquals(4.0 / 3, fit.value2(), 1e-12);
        assertArrayEquals(new double[]{S, S}, fit.comp1(), 1e-12);
        assertArrayEquals(new double[]{S, -S}, fit.comp2(), 1e-12);
    }

    @Test
    void matchesADenseEigendecompositionAndIgnoresExcludedColumns() {
        Random random = new Random(3);
        String[] rows = new String[60];
        for (int r = 0; r < rows.length; r++) {
            StringBuilder row = new StringBuilder();
            for (int c = 0; c < 12; c++) {
                double u = random.nextDouble();
                row.append(u < 0.4 ? '.' : u < 0.55 ? '0' : (c % 3 == r % 3) == u < 0.8 ? '+' : '-');
            }
            rows[r] = row.toString();
        }
        Votes votes = TestVotes.of(rows);
        var statements = new java.util.ArrayList<>(TestVotes.statements(12));
        statements.set(5, new AnalysisInput.Statement(5, true, false));
        VoteMatrix m = VoteMatrix.of(votes, statements);
        double[][] dense = new double[12][12];
        for (int r = 0; r < m.rows(); r++) {
            for (int a = m.rowStart[r]; a < m.rowStart[r + 1]; a++) {
                for (int b = m.rowStart[r]; b < m.rowStart[r + 1]; b++) {
                    dense[m.col[a]][m.col[b]] += m.centered[a] * m.centered[b];
                }
            }
        }
        EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(dense));
        double[] values = eigen.getRealEigenvalues().clone();
        java.util.Arrays.sort(values);
        Pca.Fit fit = Pca.fit(m, null, null, 7, 100, 1e-13);
        assertEquals(values[11], fit.value1(), 1e-9 * values[11]);
        assertEquals(values[10], fit.value2(), 1e-9 * values[11]);
        for (int k = 0; k < 2; k++) {
            double value = k == 0 ? fit.value1() : fit.value2();
            double[] v = k == 0 ? fit.comp1() : fit.comp2();
            double[] av = new Array2DRowRealMatrix(dense).operate(v);
            for (int j = 0; j < 12; j++) {
                assertEquals(value * v[j], av[j], 1e-9 * values[11], "component " + k + " is an eigenvector");
            }
            assertEquals(0.0, v[5], 0.0, "an excluded column has no weight");
        }
    }

    @Test
    void warmStartKeepsTheSignOfThePreviousComponents() {
        VoteMatrix m = TestVotes.matrix("++", "--", "+-");
        Pca.Fit cold = Pca.fit(m, null, null, 1, 100, 1e-13);
        double[] flipped1 = {-cold.comp1()[0], -cold.comp1()[1]};
        double[] flipped2 = {-cold.comp2()[0], -cold.comp2()[1]};
        Pca.Fit warm = Pca.fit(m, flipped1, flipped2, 1, 100, 1e-13);
        assertArrayEquals(flipped1, warm.comp1(), 1e-12);
        assertArrayEquals(flipped2, warm.comp2(), 1e-12);
        assertTrue(warm.iterations() <= 2, "a converged start needs no further work: " + warm.iterations());
    }

    @Test
    void fewerThanTwoRowsOrColumnsHaveNoComponents() {
        Pca.Fit oneRow = Pca.fit(TestVotes.matrix("+-+"), null, null, 1, 100, 1e-13);
        assertArrayEquals(new double[3], oneRow.comp1(), 0.0);
        Pca.Fit oneColumn = Pca.fit(TestVotes.matrix("+", "-", "0"), null, null, 1, 100, 1e-13);
        assertArrayEquals(new double[1], oneColumn.comp2(), 0.0);
    }
}
