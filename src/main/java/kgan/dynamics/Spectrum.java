package kgan.dynamics;

import java.util.Arrays;
import java.util.Comparator;

import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The stability reading of a Jacobian J = ∂F/∂z at a stationary point of gradient play.
 *
 * <p>The zero modes (the tangent directions of the equilibrium manifold) are counted by the
 * SVD, independently of the eigenvalues: a singular value below the threshold τ counts as
 * zero. The default τ = n ε ‖J‖₂ is the size of the backward error of a backward-stable
 * decomposition of an n×n matrix (ε the machine epsilon). The eigenvalues on the manifold
 * are then taken to be the {@code zeroModes} eigenvalues of smallest modulus; that is sound
 * because a zero eigenvalue of a game Jacobian of the form of METHOD's claim 1 is
 * semisimple (see proofs/lemma.md), so rounding moves it by O(τ), not O(√τ).
 *
 * @param real              Re μ of every eigenvalue, sorted by real part, largest first
 * @param imaginary         Im μ, aligned with {@code real}
 * @param onManifold        which eigenvalues are counted as zero modes, aligned
 * @param singularValues    the singular values of J, largest first
 * @param norm              ‖J‖₂, the largest singular value
 * @param zeroThreshold     τ: singular values below it count as zero
 * @param zeroModes         the nullity of J: how many singular values are below τ
 * @param spectralAbscissa  max Re μ over all eigenvalues
 * @param offManifoldAbscissa max Re μ over the eigenvalues not on the manifold
 *                          (−∞ when there are none)
 * @param largestStableStep h* = min over the off-manifold μ of 2|Re μ|/|μ|², the largest
 *                          Euler step that converges (claim 4); 0 when some off-manifold
 *                          μ has Re μ ≥ 0, +∞ when there are none
 */
public record Spectrum(double[] real, double[] imaginary, boolean[] onManifold,
        double[] singularValues, double norm, double zeroThreshold, int zeroModes,
        double spectralAbscissa, double offManifoldAbscissa, double largestStableStep) {

    private static final double EPS = Math.ulp(1.0);

    /** The analysis with the default zero threshold n ε ‖J‖₂. {@code jacobian}: not modified. */
    public static Spectrum of(DMatrixRMaj jacobian) {
        return of(jacobian, Double.NaN);
    }

    /**
     * The analysis with zero threshold τ (NaN for the default n ε ‖J‖₂).
     * {@code jacobian}: not modified.
     */
    public static Spectrum of(DMatrixRMaj jacobian, double zeroThreshold) {
        int n = jacobian.numRows;
        if (n != jacobian.numCols) {
            throw new IllegalArgumentException("spectrum: the Jacobian is " + n + "×"
                    + jacobian.numCols + "; expected a square matrix");
        }
        if (n == 0) {
            return new Spectrum(new double[0], new double[0], new boolean[0], new double[0],
                    0, 0, 0, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY,
                    Double.POSITIVE_INFINITY);
        }
        double[] singular = singularValues(jacobian);
        double norm = singular[0];
        double tau = Double.isNaN(zeroThreshold) ? n * EPS * norm : zeroThreshold;
        int zeroModes = 0;
        for (double s : singular) {
            if (s <= tau) {
                zeroModes++;
            }
        }

        Complex_F64[] mu = eigenvalues(jacobian);
        for (Complex_F64 m : mu) {
            // −0.0 would sort apart from 0.0 and print as "-0"; x + 0.0 maps it to 0.0.
            m.real += 0.0;
            m.imaginary += 0.0;
        }
        Integer[] bySize = new Integer[n];
        for (int i = 0; i < n; i++) {
            bySize[i] = i;
        }
        Arrays.sort(bySize, Comparator.comparingDouble(i -> mu[i].getMagnitude2()));
        boolean[] manifoldByIndex = new boolean[n];
        for (int k = 0; k < zeroModes; k++) {
            manifoldByIndex[bySize[k]] = true;
        }

        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -mu[i].real)
                .thenComparingDouble(i -> -mu[i].imaginary));
        double[] re = new double[n];
        double[] im = new double[n];
        boolean[] onManifold = new boolean[n];
        for (int k = 0; k < n; k++) {
            re[k] = mu[order[k]].real;
            im[k] = mu[order[k]].imaginary;
            onManifold[k] = manifoldByIndex[order[k]];
        }

        double abscissa = re[0];
        double offAbscissa = Double.NEGATIVE_INFINITY;
        double step = Double.POSITIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            if (onManifold[k]) {
                continue;
            }
            offAbscissa = Math.max(offAbscissa, re[k]);
            step = re[k] < 0
                    ? Math.min(step, 2 * -re[k] / (re[k] * re[k] + im[k] * im[k]))
                    : 0;
        }
        return new Spectrum(re, im, onManifold, singular, norm, tau, zeroModes, abscissa,
                offAbscissa, step);
    }

    /** n, the number of eigenvalues. */
    public int size() {
        return real.length;
    }

    /** |μ_k|. */
    public double modulus(int k) {
        return Math.hypot(real[k], imaginary[k]);
    }

    /**
     * max |1 + h μ| over the off-manifold eigenvalues: the spectral radius of the Euler map
     * I + hJ on the directions across the manifold (the zero modes give exactly 1 and are
     * left out). Euler steps of size h converge locally iff it is below 1.
     */
    public double eulerRadius(double h) {
        double radius = 0;
        for (int k = 0; k < size(); k++) {
            if (!onManifold[k]) {
                radius = Math.max(radius, Math.hypot(1 + h * real[k], h * imaginary[k]));
            }
        }
        return radius;
    }

    /** ρ(I + hJ) = max |1 + h μ| over every eigenvalue, zero modes included. */
    public double spectralRadius(double h) {
        double radius = 0;
        for (int k = 0; k < size(); k++) {
            radius = Math.max(radius, Math.hypot(1 + h * real[k], h * imaginary[k]));
        }
        return radius;
    }

    /**
     * The smallest singular value above the zero threshold over the largest one below it
     * (+∞ without zero modes): how clearly the zero modes stand apart.
     */
    public double zeroGap() {
        int n = singularValues.length;
        if (zeroModes == 0) {
            return Double.POSITIVE_INFINITY;
        }
        if (zeroModes == n) {
            return 1;
        }
        double below = singularValues[n - zeroModes];
        double above = singularValues[n - zeroModes - 1];
        return below == 0 ? Double.POSITIVE_INFINITY : above / below;
    }

    /** The smallest damping rate min |Re μ| over the off-manifold eigenvalues with Re μ < 0. */
    public double smallestDamping() {
        double smallest = Double.POSITIVE_INFINITY;
        for (int k = 0; k < size(); k++) {
            if (!onManifold[k] && real[k] < 0) {
                smallest = Math.min(smallest, -real[k]);
            }
        }
        return smallest;
    }

    /**
     * The singular values of a matrix, largest first. Rows and columns that are exactly zero
     * are taken out first and give exact zeros: they change no other singular value, and
     * EJML's bidiagonal QR iteration can fail to converge on matrices with many of them (the
     * flat discriminator's hidden layers give whole zero blocks).
     */
    static double[] singularValues(DMatrixRMaj matrix) {
        int[] rows = nonZeroRows(matrix);
        DMatrixRMaj transpose = new DMatrixRMaj(matrix.numCols, matrix.numRows);
        CommonOps_DDRM.transpose(matrix, transpose);
        int[] cols = nonZeroRows(transpose);
        DMatrixRMaj core = new DMatrixRMaj(rows.length, cols.length);
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < cols.length; j++) {
                core.set(i, j, matrix.get(rows[i], cols[j]));
            }
        }
        double[] s = new double[Math.min(matrix.numRows, matrix.numCols)];
        if (core.getNumElements() > 0) {
            SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(
                    core.numRows, core.numCols, false, false, true);
            if (!svd.decompose(core)) {
                throw new IllegalStateException("spectrum: the SVD did not converge");
            }
            System.arraycopy(svd.getSingularValues(), 0, s, 0, svd.numberOfSingularValues());
        }
        Arrays.sort(s);
        for (int i = 0, j = s.length - 1; i < j; i++, j--) {
            double t = s[i];
            s[i] = s[j];
            s[j] = t;
        }
        return s;
    }

    private static int[] nonZeroRows(DMatrixRMaj m) {
        int[] keep = new int[m.numRows];
        int count = 0;
        for (int i = 0; i < m.numRows; i++) {
            for (int j = 0; j < m.numCols; j++) {
                if (m.get(i, j) != 0) {
                    keep[count++] = i;
                    break;
                }
            }
        }
        return Arrays.copyOf(keep, count);
    }

    /**
     * Every eigenvalue of a square matrix, by EJML's general eigen-decomposition, after
     * deflating exact zeros: if column j (or row j) of J, restricted to the indices still in
     * play, is zero, a permutation puts J in block-triangular form [[0, r], [0, J']] (or its
     * transpose), so 0 is an eigenvalue and the rest are those of J' with index j removed.
     * This is exact, and at a flat discriminator it removes whole blocks before the O(n³)
     * decomposition.
     */
    public static Complex_F64[] eigenvalues(DMatrixRMaj matrix) {
        int n = matrix.numRows;
        boolean[] removed = new boolean[n];
        int zeros = 0;
        for (boolean changed = true; changed; ) {
            changed = false;
            for (int j = 0; j < n; j++) {
                if (!removed[j] && (zeroLine(matrix, j, removed, true)
                        || zeroLine(matrix, j, removed, false))) {
                    removed[j] = true;
                    zeros++;
                    changed = true;
                }
            }
        }
        int[] keep = new int[n - zeros];
        for (int i = 0, k = 0; i < n; i++) {
            if (!removed[i]) {
                keep[k++] = i;
            }
        }
        DMatrixRMaj core = new DMatrixRMaj(keep.length, keep.length);
        for (int i = 0; i < keep.length; i++) {
            for (int j = 0; j < keep.length; j++) {
                core.set(i, j, matrix.get(keep[i], keep[j]));
            }
        }
        Complex_F64[] mu = new Complex_F64[n];
        if (keep.length > 0) {
            EigenDecomposition_F64<DMatrixRMaj> eig =
                    DecompositionFactory_DDRM.eig(keep.length, false);
            if (!eig.decompose(core)) {
                throw new IllegalStateException("spectrum: the eigen-decomposition did not "
                        + "converge");
            }
            for (int i = 0; i < keep.length; i++) {
                mu[i] = eig.getEigenvalue(i);
            }
        }
        for (int i = keep.length; i < n; i++) {
            mu[i] = new Complex_F64(0, 0);
        }
        return mu;
    }

    /** True when row (or column) j is zero on the indices not yet removed. */
    private static boolean zeroLine(DMatrixRMaj m, int j, boolean[] removed, boolean column) {
        for (int i = 0; i < m.numRows; i++) {
            if (!removed[i] && (column ? m.get(i, j) : m.get(j, i)) != 0) {
                return false;
            }
        }
        return true;
    }
}
