package kgan.dynamics;

import java.util.Arrays;
import java.util.Comparator;

import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;

import kgan.linalg.Rng;

/**
 * The few eigenvalues of largest real part of a matrix known only through products J v,
 * by the Arnoldi iteration with explicit restarts, for Jacobians too large to form (after
 * Berard et al. 2020, who track the top eigenvalues of real GANs' game Jacobians this way).
 *
 * <p>K steps of Arnoldi build an orthonormal basis Q_K of the Krylov space
 * span{q, Jq, …, J^{K−1}q} and the Hessenberg matrix H_K = Q_Kᵀ J Q_K; the Ritz values
 * (eigenvalues of H_K) approximate the extremal eigenvalues of J. Ritz pair (μ, y) has the
 * residual ‖J Q_K y − μ Q_K y‖ = h_{K+1,K} |y_K| for ‖y‖ = 1. A restart begins again from
 * the real and imaginary parts of the sum of the wanted Ritz vectors, which filters the
 * start towards the wanted part of the spectrum. Eigenvalues of largest real part are not
 * always the first Ritz values to converge (those of largest modulus are), so the residuals
 * are reported with the values, and {@link Result#converged} reads them.
 */
public final class Arnoldi {

    /** A linear map R^n → R^n known through its products. */
    public interface Operator {
        int dimension();

        double[] apply(double[] v);
    }

    /**
     * The wanted Ritz values, largest real part first.
     *
     * @param real      Re μ
     * @param imaginary Im μ
     * @param residual  ‖J x − μ x‖ for the unit Ritz vector x = Q y of each, from the Krylov
     *                  relation J Q = Q H + β q eₖᵀ: √(‖H y − μ y‖² + β² |y_K|²)
     * @param krylovDimension the dimension K of the last Krylov space
     * @param products  how many products J v were taken
     * @param dimension n, the dimension of J
     * @param norm      max ‖J q‖ over the unit vectors q of every Krylov basis built: a lower
     *                  bound on ‖J‖₂, and the scale of the spectrum
     */
    public record Result(double[] real, double[] imaginary, double[] residual,
            int krylovDimension, int products, int dimension, double norm) {

        /**
         * The relative residual a Ritz pair must reach to count as converged. With the unit
         * Ritz vector x and r = J x − μ x, μ is an exact eigenvalue of J − r xᵀ, a matrix
         * within ‖r‖ of J. For normal J, μ then lies within ‖r‖ of an eigenvalue of J; for
         * the game's Jacobians, which are not normal, within κ ‖r‖, κ the condition number of
         * the eigenvector basis, which Arnoldi does not know: the residual is a guide there,
         * not a bound. ‖r‖ ≤ 10⁻⁶ |μ| moves μ (normal J) by less than one unit in the sixth
         * significant digit of the larger of |Re μ| and |Im μ| (|μ| ≤ √2 times it), the
         * digits kgan analyze prints; a part much smaller than the other is not pinned to
         * that relative accuracy, so the sign of a Re μ near 0 beside a large Im μ is not
         * settled by this test.
         */
        public static final double TOLERANCE = 1e-6;

        /** The largest real part found: the estimate of the spectral abscissa. */
        public double spectralAbscissa() {
            return real.length == 0 ? Double.NaN : real[0];
        }

        /**
         * Whether value k has ‖J x − μ x‖ ≤ max({@link #TOLERANCE} |μ|, n ε ‖J‖), with
         * {@link #norm} for ‖J‖. The second term is the dense analysis's zero threshold (see
         * {@link Spectrum}): products J v rounded in sums of n terms cannot pin a value near
         * 0 any closer, so a zero mode found to that accuracy has converged.
         */
        public boolean converged(int k) {
            return residual[k] <= Math.max(TOLERANCE * Math.hypot(real[k], imaginary[k]),
                    dimension * Math.ulp(1.0) * norm);
        }

        /** How many values have not {@link #converged}. */
        public int unconverged() {
            int count = 0;
            for (int k = 0; k < real.length; k++) {
                count += converged(k) ? 0 : 1;
            }
            return count;
        }
    }

    private Arnoldi() {
    }

    /**
     * The {@code count} Ritz values of largest real part after {@code restarts} restarts of
     * a Krylov space of dimension {@code krylov} (capped at n), from a start vector drawn
     * from {@code seed}.
     */
    public static Result rightmost(Operator operator, int krylov, int count, int restarts,
            long seed) {
        int n = operator.dimension();
        if (krylov < 1 || count < 1 || restarts < 0) {
            throw new IllegalArgumentException("Arnoldi: Krylov dimension " + krylov
                    + ", count " + count + ", restarts " + restarts
                    + "; expected K ≥ 1, count ≥ 1, restarts ≥ 0");
        }
        int k = Math.min(krylov, n);
        int wanted = Math.min(count, k);
        double[] start = new Rng(seed).gaussian(1, n).data;
        Result result = null;
        int products = 0;
        double norm = 0;
        for (int round = 0; round <= restarts; round++) {
            double[][] basis = new double[k + 1][];
            double[][] h = new double[k + 1][k];
            int size = build(operator, start, basis, h);
            products += size;
            // Column j of H holds the coordinates of J q_j in the basis: its norm is ‖J q_j‖.
            for (int j = 0; j < size; j++) {
                double column = 0;
                for (int i = 0; i <= j + 1; i++) {
                    column += h[i][j] * h[i][j];
                }
                norm = Math.max(norm, Math.sqrt(column));
            }
            Ritz[] ritz = ritz(h, size);
            Ritz[] top = Arrays.copyOf(ritz, Math.min(wanted, ritz.length));
            result = result(top, size, products, n, norm);
            if (size < k || round == restarts) {
                break;
            }
            start = restartVector(top, basis, size, n);
        }
        return result;
    }

    /** Arnoldi with one re-orthogonalisation; returns K, smaller on breakdown. */
    private static int build(Operator operator, double[] start, double[][] basis,
            double[][] h) {
        int k = h[0].length;
        basis[0] = scaled(start, 1 / norm(start));
        for (int j = 0; j < k; j++) {
            double[] w = operator.apply(basis[j]);
            double scale = norm(w);
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i <= j; i++) {
                    double c = dot(basis[i], w);
                    h[i][j] += c;
                    for (int e = 0; e < w.length; e++) {
                        w[e] -= c * basis[i][e];
                    }
                }
            }
            double beta = norm(w);
            h[j + 1][j] = beta;
            // An invariant subspace to rounding: the Ritz values of H_{j+1} are eigenvalues
            // with residuals of order beta, which stays in H to be reported.
            if (beta <= 1e-14 * Math.max(scale, Double.MIN_NORMAL)) {
                return j + 1;
            }
            basis[j + 1] = scaled(w, 1 / beta);
        }
        return k;
    }

    /** A Ritz value with its coordinate vector y in the Krylov basis (‖y‖ = 1). */
    private record Ritz(Complex_F64 value, double[] yRe, double[] yIm, double residual) {
    }

    /** The Ritz pairs of H_K, largest real part first. */
    private static Ritz[] ritz(double[][] h, int k) {
        DMatrixRMaj hk = new DMatrixRMaj(k, k);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                hk.set(i, j, h[i][j]);
            }
        }
        Complex_F64[] mu = Spectrum.eigenvalues(hk);
        double beta = h[k][k - 1];
        Ritz[] out = new Ritz[k];
        for (int i = 0; i < k; i++) {
            double[][] y = eigenvector(hk, mu[i]);
            double last = Math.hypot(y[0][k - 1], y[1][k - 1]);
            double inside = krylovResidual(hk, mu[i], y[0], y[1]);
            out[i] = new Ritz(mu[i], y[0], y[1], Math.hypot(inside, Math.abs(beta) * last));
        }
        Arrays.sort(out, Comparator.<Ritz>comparingDouble(r -> -r.value.real)
                .thenComparingDouble(r -> -r.value.imaginary));
        return out;
    }

    /**
     * ‖H y − μ y‖ for the complex vector y = re + i im: the part of the Ritz residual inside
     * the Krylov space, zero when y is an exact eigenvector of H and not assumed so.
     */
    private static double krylovResidual(DMatrixRMaj hk, Complex_F64 mu, double[] re,
            double[] im) {
        int k = hk.numRows;
        double sum = 0;
        for (int i = 0; i < k; i++) {
            double r = -(mu.real * re[i] - mu.imaginary * im[i]);
            double c = -(mu.real * im[i] + mu.imaginary * re[i]);
            for (int j = 0; j < k; j++) {
                r += hk.get(i, j) * re[j];
                c += hk.get(i, j) * im[j];
            }
            sum += r * r + c * c;
        }
        return Math.sqrt(sum);
    }

    /**
     * A unit eigenvector of H for the eigenvalue μ, by two steps of inverse iteration with
     * the shift μ(1 + 1e-10) + 1e-14 ‖H‖ (the shifted matrix is then invertible, and one
     * step already amplifies the wanted direction by about 1/(shift error)).
     */
    static double[][] eigenvector(DMatrixRMaj hk, Complex_F64 mu) {
        int k = hk.numRows;
        double size = 0;
        for (int i = 0; i < k * k; i++) {
            size = Math.max(size, Math.abs(hk.data[i]));
        }
        double sRe = mu.real * (1 + 1e-10) + 1e-14 * Math.max(size, 1e-300);
        double sIm = mu.imaginary * (1 + 1e-10);
        double[] re = new double[k];
        double[] im = new double[k];
        Arrays.fill(re, 1.0);
        for (int step = 0; step < 2; step++) {
            double[][] a = new double[k][2 * k];
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    a[i][2 * j] = hk.get(i, j);
                }
                a[i][2 * i] -= sRe;
                a[i][2 * i + 1] -= sIm;
            }
            solveComplex(a, re, im);
            double norm = Math.sqrt(dot(re, re) + dot(im, im));
            for (int i = 0; i < k; i++) {
                re[i] /= norm;
                im[i] /= norm;
            }
        }
        return new double[][] {re, im};
    }

    /**
     * Solves A x = b in place (b, x as re + i im; A as interleaved re, im pairs), by Gaussian
     * elimination with partial pivoting. A is destroyed.
     */
    private static void solveComplex(double[][] a, double[] re, double[] im) {
        int k = re.length;
        for (int c = 0; c < k; c++) {
            int pivot = c;
            for (int r = c + 1; r < k; r++) {
                if (Math.hypot(a[r][2 * c], a[r][2 * c + 1])
                        > Math.hypot(a[pivot][2 * c], a[pivot][2 * c + 1])) {
                    pivot = r;
                }
            }
            double[] row = a[c];
            a[c] = a[pivot];
            a[pivot] = row;
            double t = re[c];
            re[c] = re[pivot];
            re[pivot] = t;
            t = im[c];
            im[c] = im[pivot];
            im[pivot] = t;
            double pRe = a[c][2 * c];
            double pIm = a[c][2 * c + 1];
            double p2 = pRe * pRe + pIm * pIm;
            if (p2 == 0) {
                pRe = 1e-300;
                p2 = pRe * pRe;
            }
            for (int r = c + 1; r < k; r++) {
                // f = a[r][c] / a[c][c]
                double fRe = (a[r][2 * c] * pRe + a[r][2 * c + 1] * pIm) / p2;
                double fIm = (a[r][2 * c + 1] * pRe - a[r][2 * c] * pIm) / p2;
                for (int j = c; j < k; j++) {
                    double xRe = a[c][2 * j];
                    double xIm = a[c][2 * j + 1];
                    a[r][2 * j] -= fRe * xRe - fIm * xIm;
                    a[r][2 * j + 1] -= fRe * xIm + fIm * xRe;
                }
                re[r] -= fRe * re[c] - fIm * im[c];
                im[r] -= fRe * im[c] + fIm * re[c];
            }
        }
        for (int c = k - 1; c >= 0; c--) {
            double sRe = re[c];
            double sIm = im[c];
            for (int j = c + 1; j < k; j++) {
                sRe -= a[c][2 * j] * re[j] - a[c][2 * j + 1] * im[j];
                sIm -= a[c][2 * j] * im[j] + a[c][2 * j + 1] * re[j];
            }
            double pRe = a[c][2 * c];
            double pIm = a[c][2 * c + 1];
            double p2 = Math.max(pRe * pRe + pIm * pIm, 1e-300);
            re[c] = (sRe * pRe + sIm * pIm) / p2;
            im[c] = (sIm * pRe - sRe * pIm) / p2;
        }
    }

    /** Re + Im of Σ Q_K y over the wanted Ritz vectors. */
    private static double[] restartVector(Ritz[] top, double[][] basis, int k, int n) {
        double[] v = new double[n];
        for (Ritz r : top) {
            for (int j = 0; j < k; j++) {
                double c = r.yRe[j] + r.yIm[j];
                for (int e = 0; e < n; e++) {
                    v[e] += c * basis[j][e];
                }
            }
        }
        return norm(v) > 0 ? v : basis[0];
    }

    private static Result result(Ritz[] top, int k, int products, int n, double norm) {
        double[] re = new double[top.length];
        double[] im = new double[top.length];
        double[] residual = new double[top.length];
        for (int i = 0; i < top.length; i++) {
            re[i] = top[i].value.real;
            im[i] = top[i].value.imaginary;
            residual[i] = top[i].residual;
        }
        return new Result(re, im, residual, k, products, n, norm);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static double[] scaled(double[] a, double c) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] * c;
        }
        return out;
    }
}
