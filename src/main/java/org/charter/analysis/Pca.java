package org.charter.analysis;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

import java.util.SplittableRandom;

/**
 * The two principal components of the centred, mean-imputed vote matrix (polis-math.md §2.2–§2.3).
 *
 * <p>After imputing each missing vote with its column mean and centring, a missing vote is exactly 0, so the
 * matrix Ā that Polis decomposes is as sparse as the votes: entry {@code x − μ} where a participant voted on an
 * included statement, 0 elsewhere (excluded columns are 0 throughout). Products {@code ĀᵀĀ v} therefore cost
 * O(votes) and need no dense P × C array.
 *
 * <p>Polis finds each component by power iteration with deflation, warm-started from the previous update's
 * components, for at most 100 iterations. Here the same fixed point — the top two eigenvectors of ĀᵀĀ — is found by
 * LOBPCG (Knyazev, "Toward the optimal preconditioned eigensolver: locally optimal block preconditioned conjugate
 * gradient method", SIAM J. Sci. Comput. 23(2), 2001; with the orthonormal basis of Hetmaniuk &amp; Lehoucq, J.
 * Comput. Phys. 218, 2006), a block-of-two method warm-started the same way: each iteration takes the best two
 * vectors in the span of the current vectors, their residuals and the previous step (Rayleigh–Ritz). It converges
 * like conjugate gradients rather than like the power method, and stops on a residual test rather than after a
 * fixed count, so a one-shot run reaches the converged components that Polis reaches through its update history
 * (checked against Polis's stored components, §16). Components are sign-aligned with the previous update's
 * (§2.3); on a cold start the coordinate of largest magnitude is made positive, and the start vectors are seeded,
 * so a run is reproducible.
 */
final class Pca {

    /** Vectors in the block: the two wanted components. */
    static final int BLOCK = 2;

    /**
     * A fitted PCA.
     *
     * @param center     μ, the column means (0 for excluded columns)
     * @param comp1      first component, unit length, or all zero when the data has no such direction
     * @param comp2      second component, likewise
     * @param value1     eigenvalue of ĀᵀĀ for comp1
     * @param value2     eigenvalue of ĀᵀĀ for comp2
     * @param iterations block products ĀᵀĀ·[v₁ v₂] computed
     */
    record Fit(double[] center, double[] comp1, double[] comp2, double value1, double value2, int iterations) {
    }

    private Pca() {
    }

    /**
     * Fits the two components.
     *
     * @param start1        previous comp1 aligned to the matrix's columns (0 for new columns), or null
     * @param start2        previous comp2, likewise
     * @param maxIterations iterations at most
     * @param tolerance     stop when each residual ‖ĀᵀĀv − θv‖ is below {@code tolerance · θ₁}
     */
    static Fit fit(VoteMatrix m, double[] start1, double[] start2, long seed, int maxIterations, double tolerance) {
        int columns = m.columns();
        double[] center = m.mean.clone();
        // Polis's rank guard (§2.3, CLOJURE_QUIRKS Q16): with fewer than two rows or columns there is no second
        // component and every projection collapses to the origin.
        if (m.rows() < 2 || columns < 2) {
            return new Fit(center, new double[columns], new double[columns], 0, 0, 0);
        }
        // Excluded columns are zero in Ā, so the components are zero there: work in the included columns only.
        Operator a = new Operator(m);
        int n = a.size();
        if (n < BLOCK) {
            double[] comp1 = new double[columns];
            double value = 0;
            if (n == 1) {
                for (double x : m.centered) {
                    value += x * x;
                }
                if (value > 0) {
                    comp1[a.included[0]] = 1;
                }
            }
            return new Fit(center, comp1, new double[columns], value, 0, 0);
        }
        Fit fit = fit(a, a.compact(start1), a.compact(start2), seed, maxIterations, tolerance);
        return new Fit(center, a.expand(fit.comp1()), a.expand(fit.comp2()), fit.value1(), fit.value2(),
                fit.iterations());
    }

    /** LOBPCG for the two leading eigenvectors of the operator, in its compact coordinates. */
    private static Fit fit(Operator m, double[] start1, double[] start2, long seed, int maxIterations,
                           double tolerance) {
        int n = m.size();
        SplittableRandom random = new SplittableRandom(seed);
        boolean warm1 = isUsable(start1);
        boolean warm2 = isUsable(start2);
        double[][] x = new double[BLOCK][];
        x[0] = warm1 ? start1.clone() : randomVector(n, random);
        x[1] = warm2 ? start2.clone() : randomVector(n, random);
        Basis basis = new Basis(n);
        for (double[] v : x) {
            basis.add(v, null, random);
        }
        x = basis.vectors();
        double[][] ax = new double[BLOCK][n];
        multiply(m, x, ax);
        int products = 1;
        double[] theta = new double[BLOCK];
        double[][][] rotated = rayleighRitz(x, ax, BLOCK, theta);
        x = rotated[0];
        ax = rotated[1];
        double[][] p = null;
        double[][] ap = null;
        double[][] r = new double[BLOCK][n];
        while (true) {
            double scale = Math.max(theta[0], Double.MIN_NORMAL);
            double residual = 0;
            for (int k = 0; k < BLOCK; k++) {
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    r[k][j] = ax[k][j] - theta[k] * x[k][j];
                    sum += r[k][j] * r[k][j];
                }
                residual = Math.max(residual, Math.sqrt(sum) / scale);
            }
            if (residual <= tolerance || products >= maxIterations) {
                // The products were carried along by linear combination; check once with fresh ones.
                double[][] fresh = new double[BLOCK][n];
                multiply(m, x, fresh);
                products++;
                rotated = rayleighRitz(x, fresh, BLOCK, theta);
                x = rotated[0];
                ax = rotated[1];
                if (products >= maxIterations || residual(x, ax, theta) <= tolerance) {
                    break;
                }
                p = null;
                ap = null;
                continue;
            }
            // Orthonormal basis of [X, R, P] and its products (Hetmaniuk & Lehoucq).
            Basis s = new Basis(n);
            for (int k = 0; k < BLOCK; k++) {
                s.addOrthonormal(x[k], ax[k]);
            }
            int firstResidual = s.size();
            for (int k = 0; k < BLOCK; k++) {
                s.add(r[k], null, null);
            }
            int residuals = s.size() - firstResidual;
            if (residuals > 0) {
                double[][] newR = new double[residuals][];
                for (int k = 0; k < residuals; k++) {
                    newR[k] = s.vector(firstResidual + k);
                }
                double[][] products2 = new double[residuals][n];
                multiply(m, newR, products2);
                products++;
                for (int k = 0; k < residuals; k++) {
                    s.setProduct(firstResidual + k, products2[k]);
                }
            }
            if (p != null) {
                for (int k = 0; k < p.length; k++) {
                    s.add(p[k], ap[k], null);
                }
            }
            double[][] sv = s.vectors();
            double[][] sa = s.products();
            double[][] coefficients = topEigenvectors(sv, sa, BLOCK, theta);
            double[][] newX = combine(sv, coefficients, 0);
            double[][] newAX = combine(sa, coefficients, 0);
            // The step taken: the part of the new vectors that lies outside the old ones.
            p = combine(sv, coefficients, BLOCK);
            ap = combine(sa, coefficients, BLOCK);
            x = newX;
            ax = newAX;
        }
        double[] comp1 = component(x[0], theta[0], theta[0]);
        double[] comp2 = component(x[1], theta[1], theta[0]);
        orient(comp1, start1, warm1);
        orient(comp2, start2, warm2);
        return new Fit(null, comp1, comp2, theta[0], theta[1], products);
    }

    private static double residual(double[][] x, double[][] ax, double[] theta) {
        double scale = Math.max(theta[0], Double.MIN_NORMAL);
        double worst = 0;
        for (int k = 0; k < x.length; k++) {
            double sum = 0;
            for (int j = 0; j < x[k].length; j++) {
                double d = ax[k][j] - theta[k] * x[k][j];
                sum += d * d;
            }
            worst = Math.max(worst, Math.sqrt(sum) / scale);
        }
        return worst;
    }

    /** Rotates an orthonormal block to the Ritz vectors of its span, largest first; fills theta. */
    private static double[][][] rayleighRitz(double[][] x, double[][] ax, int want, double[] theta) {
        double[][] c = topEigenvectors(x, ax, want, theta);
        return new double[][][]{combine(x, c, 0), combine(ax, c, 0)};
    }

    /**
     * The {@code want} leading eigenvectors of the projected matrix G = Sᵀ(AS) (k × k), as coefficient columns;
     * theta receives their eigenvalues. Rows of the result are basis vectors, columns the wanted vectors.
     */
    private static double[][] topEigenvectors(double[][] s, double[][] as, int want, double[] theta) {
        int k = s.length;
        double[][] g = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) {
                double a = dot(s[i], as[j]);
                double b = dot(s[j], as[i]);
                g[i][j] = (a + b) / 2;
                g[j][i] = g[i][j];
            }
        }
        double[] values = new double[k];
        double[][] u = eigenvectorsDescending(g, values);
        double[][] c = new double[k][want];
        for (int w = 0; w < want; w++) {
            theta[w] = w < k ? values[w] : 0;
            for (int i = 0; i < k; i++) {
                c[i][w] = w < k ? u[i][w] : 0;
            }
        }
        return c;
    }

    /** Σ_{i ≥ from} c[i][w] · vectors[i], for each wanted w. */
    private static double[][] combine(double[][] vectors, double[][] c, int from) {
        int want = c[0].length;
        int n = vectors[0].length;
        double[][] out = new double[want][n];
        for (int w = 0; w < want; w++) {
            for (int i = from; i < vectors.length; i++) {
                double f = c[i][w];
                if (f != 0) {
                    double[] v = vectors[i];
                    double[] o = out[w];
                    for (int j = 0; j < n; j++) {
                        o[j] += f * v[j];
                    }
                }
            }
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            sum += a[j] * b[j];
        }
        return sum;
    }

    private static double[] randomVector(int n, SplittableRandom random) {
        double[] v = new double[n];
        for (int j = 0; j < n; j++) {
            v[j] = random.nextDouble();
        }
        return v;
    }

    /**
     * An orthonormal basis built one vector at a time (modified Gram–Schmidt, twice), carrying each vector's
     * product with ĀᵀĀ along through the same linear combinations. A vector that is (numerically) in the span
     * already is dropped, or replaced by a random one when {@code random} is given.
     */
    private static final class Basis {
        private final int n;
        private final java.util.List<double[]> vectors = new java.util.ArrayList<>();
        private final java.util.List<double[]> products = new java.util.ArrayList<>();

        Basis(int n) {
            this.n = n;
        }

        int size() {
            return vectors.size();
        }

        double[] vector(int i) {
            return vectors.get(i);
        }

        void setProduct(int i, double[] product) {
            products.set(i, product);
        }

        double[][] vectors() {
            return vectors.toArray(double[][]::new);
        }

        double[][] products() {
            return products.toArray(double[][]::new);
        }

        /** Adds a vector already orthonormal to the basis. */
        void addOrthonormal(double[] v, double[] product) {
            vectors.add(v);
            products.add(product);
        }

        void add(double[] vector, double[] product, SplittableRandom random) {
            if (vectors.size() >= n) {
                return;
            }
            double[] v = vector.clone();
            double[] pv = product == null ? null : product.clone();
            for (int attempt = 0; attempt < 4; attempt++) {
                double before = Math.sqrt(dot(v, v));
                for (int pass = 0; pass < 2; pass++) {
                    for (int i = 0; i < vectors.size(); i++) {
                        double[] b = vectors.get(i);
                        double c = dot(v, b);
                        for (int j = 0; j < n; j++) {
                            v[j] -= c * b[j];
                        }
                        if (pv != null) {
                            double[] pb = products.get(i);
                            for (int j = 0; j < n; j++) {
                                pv[j] -= c * pb[j];
                            }
                        }
                    }
                }
                double after = Math.sqrt(dot(v, v));
                if (after > 1e-8 * before && after > 0) {
                    for (int j = 0; j < n; j++) {
                        v[j] /= after;
                    }
                    if (pv != null) {
                        for (int j = 0; j < n; j++) {
                            pv[j] /= after;
                        }
                    }
                    vectors.add(v);
                    products.add(pv);
                    return;
                }
                if (random == null) {
                    return;
                }
                v = randomVector(n, random);
                pv = null;
            }
        }
    }

    /** Votes per core below which splitting the product does not pay. */
    private static final int PARALLEL_VOTES = 100_000;

    /** ĀᵀĀ restricted to the included columns. */
    static final class Operator {
        final VoteMatrix m;
        /** Compact index → matrix column. */
        final int[] included;

        Operator(VoteMatrix m) {
            this.m = m;
            int[] cols = new int[m.columns()];
            int n = 0;
            for (int c = 0; c < m.columns(); c++) {
                if (!m.excluded[c]) {
                    cols[n++] = c;
                }
            }
            this.included = java.util.Arrays.copyOf(cols, n);
        }

        int size() {
            return included.length;
        }

        /** A full-length vector restricted to the included columns, or null. */
        double[] compact(double[] full) {
            if (full == null) {
                return null;
            }
            double[] v = new double[included.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = full[included[i]];
            }
            return v;
        }

        /** A compact vector as a full-length one (0 on excluded columns). */
        double[] expand(double[] compact) {
            double[] v = new double[m.columns()];
            for (int i = 0; i < compact.length; i++) {
                v[included[i]] = compact[i];
            }
            return v;
        }
    }

    /** out[k] = ĀᵀĀ·in[k] for one or two compact vectors, in one pass over the votes. */
    static void multiply(Operator a, double[][] in, double[][] out) {
        VoteMatrix m = a.m;
        int[] included = a.included;
        int width = in.length;
        double[] q = new double[m.columns() * 2];
        for (int k = 0; k < width; k++) {
            for (int i = 0; i < included.length; i++) {
                q[2 * included[i] + k] = in[k][i];
            }
        }
        int rows = m.rows();
        int[] bounds = Parallel.split(m.rowStart, rows, PARALLEL_VOTES);
        double[][] partial = new double[bounds.length - 1][];
        Parallel.run(partial.length, part -> {
            partial[part] = new double[m.columns() * 2];
            multiply(m, q, partial[part], bounds[part], bounds[part + 1]);
        });
        double[] z = partial[0];
        for (int part = 1; part < partial.length; part++) {
            for (int i = 0; i < z.length; i++) {
                z[i] += partial[part][i];
            }
        }
        for (int k = 0; k < width; k++) {
            for (int i = 0; i < included.length; i++) {
                out[k][i] = z[2 * included[i] + k];
            }
        }
    }

    /** z += ĀᵀĀ·q over rows [fromRow, toRow), for two interleaved vectors (q[2j], q[2j+1]). */
    private static void multiply(VoteMatrix m, double[] q, double[] z, int fromRow, int toRow) {
        int[] rowStart = m.rowStart;
        int[] col = m.col;
        double[] centered = m.centered;
        for (int r = fromRow; r < toRow; r++) {
            double t0 = 0;
            double t1 = 0;
            int start = rowStart[r];
            int end = rowStart[r + 1];
            for (int k = start; k < end; k++) {
                int c = col[k];
                double a = centered[k];
                t0 += a * q[2 * c];
                t1 += a * q[2 * c + 1];
            }
            for (int k = start; k < end; k++) {
                int c = col[k];
                double a = centered[k];
                z[2 * c] += a * t0;
                z[2 * c + 1] += a * t1;
            }
        }
    }

    private static double[] component(double[] x, double value, double largest) {
        // A direction with no variance is not a component (Polis leaves it at zero, §2.3 "w·w = 0").
        if (!(value > 1e-12 * Math.max(largest, 1.0))) {
            return new double[x.length];
        }
        double norm = Math.sqrt(dot(x, x));
        double[] v = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            v[j] = x[j] / norm;
        }
        return v;
    }

    /** Sign alignment: agree with the previous component; on a cold start, largest coordinate positive. */
    private static void orient(double[] v, double[] previous, boolean warm) {
        double sign;
        if (warm) {
            double dot = 0;
            for (int j = 0; j < v.length; j++) {
                dot += v[j] * previous[j];
            }
            sign = dot < 0 ? -1 : 1;
        } else {
            int largest = 0;
            for (int j = 1; j < v.length; j++) {
                if (Math.abs(v[j]) > Math.abs(v[largest])) {
                    largest = j;
                }
            }
            sign = v.length > 0 && v[largest] < 0 ? -1 : 1;
        }
        if (sign < 0) {
            for (int j = 0; j < v.length; j++) {
                v[j] = -v[j];
            }
        }
    }

    /** Polis treats a missing or all-zero start vector as absent (§2.3). */
    private static boolean isUsable(double[] start) {
        if (start == null) {
            return false;
        }
        for (double x : start) {
            if (x != 0) {
                return true;
            }
        }
        return false;
    }

    /** Eigenvectors of the small symmetric matrix h as columns of the result, by decreasing eigenvalue. */
    private static double[][] eigenvectorsDescending(double[][] h, double[] values) {
        int b = h.length;
        EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(h, false));
        double[] real = eigen.getRealEigenvalues();
        Integer[] order = new Integer[b];
        for (int i = 0; i < b; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(real[y], real[x]));
        double[][] u = new double[b][b];
        for (int k = 0; k < b; k++) {
            values[k] = real[order[k]];
            double[] vector = eigen.getEigenvector(order[k]).toArray();
            for (int l = 0; l < b; l++) {
                u[l][k] = vector[l];
            }
        }
        return u;
    }
}
