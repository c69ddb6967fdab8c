package kgan.kernel;

import kgan.autodiff.Tensor;
import kgan.linalg.Dense;

/**
 * The Gram matrices of one evaluation of the discrepancies between a sample X (n×d), a
 * sample Y (m×d) and, optionally, witness points V (J×d):
 * Kxx = k(X, X), Kyy = k(Y, Y), Kxy = k(X, Y), Kvx = k(V, X), Kvy = k(V, Y).
 *
 * <p>Each is computed on first use and kept, so that MMD², the witness and the local
 * discrepancies of one batch share them and no kernel matrix is computed twice; a statistic
 * that needs only some of them (the witness needs no Kxx) never pays for the others.
 *
 * <p>A Grams holds the graph of one state of X, Y and V. After an optimiser changes them in
 * place, the kept matrices are stale: make a new Grams for every step. Each matrix records
 * (or not) its graph according to {@link kgan.autodiff.Autodiff#isRecording()} at its first
 * use, so use a Grams entirely inside or entirely outside {@code noGrad}.
 */
public final class Grams {

    private final Kernel kernel;
    private final Tensor x;
    private final Tensor y;
    private final Tensor v;

    private Tensor kxx;
    private Tensor kyy;
    private Tensor kxy;
    private Tensor kvx;
    private Tensor kvy;

    private Grams(Kernel kernel, Tensor x, Tensor y, Tensor v) {
        this.kernel = kernel;
        this.x = x;
        this.y = y;
        this.v = v;
    }

    /**
     * The Gram matrices of X and Y, for MMD².
     *
     * @throws IllegalArgumentException if a sample is empty or the points differ in dimension
     */
    public static Grams of(Kernel kernel, Tensor x, Tensor y) {
        requirePoints(x, y, null);
        return new Grams(kernel, x, y, null);
    }

    /**
     * The Gram matrices of X, Y and the witness points V, for MMD², the witness and the local
     * discrepancies.
     *
     * @throws IllegalArgumentException if any set is empty or the points differ in dimension
     */
    public static Grams of(Kernel kernel, Tensor x, Tensor y, Tensor v) {
        requirePoints(x, y, v);
        return new Grams(kernel, x, y, v);
    }

    private static void requirePoints(Tensor x, Tensor y, Tensor v) {
        boolean sameDimension = x.cols() == y.cols() && (v == null || v.cols() == x.cols());
        boolean nonEmpty = x.rows() > 0 && y.rows() > 0 && (v == null || v.rows() > 0);
        if (!sameDimension || !nonEmpty) {
            throw new IllegalArgumentException("Grams: x is " + Dense.shape(x.value())
                    + ", y is " + Dense.shape(y.value())
                    + (v == null ? "" : ", v is " + Dense.shape(v.value()))
                    + "; expected at least one row each, all points of the same dimension");
        }
    }

    public Kernel kernel() {
        return kernel;
    }

    /** n, the size of X. */
    public int n() {
        return x.rows();
    }

    /** m, the size of Y. */
    public int m() {
        return y.rows();
    }

    /** J, the number of witness points. */
    public int witnessCount() {
        return requireWitnessPoints().rows();
    }

    /** Kxx = k(X, X), n×n. */
    public Tensor kxx() {
        if (kxx == null) {
            kxx = kernel.gram(x, x);
        }
        return kxx;
    }

    /** Kyy = k(Y, Y), m×m. */
    public Tensor kyy() {
        if (kyy == null) {
            kyy = kernel.gram(y, y);
        }
        return kyy;
    }

    /** Kxy = k(X, Y), n×m. */
    public Tensor kxy() {
        if (kxy == null) {
            kxy = kernel.gram(x, y);
        }
        return kxy;
    }

    /** Kvx = k(V, X), J×n: row j holds k(x_i, v_j) for every i. */
    public Tensor kvx() {
        if (kvx == null) {
            kvx = kernel.gram(requireWitnessPoints(), x);
        }
        return kvx;
    }

    /** Kvy = k(V, Y), J×m. */
    public Tensor kvy() {
        if (kvy == null) {
            kvy = kernel.gram(requireWitnessPoints(), y);
        }
        return kvy;
    }

    private Tensor requireWitnessPoints() {
        if (v == null) {
            throw new IllegalStateException("Grams: made without witness points; use "
                    + "Grams.of(kernel, x, y, v) for the witness and the local discrepancies");
        }
        return v;
    }
}
