package kgan.kernel;

import org.ejml.data.DMatrixRMaj;

import kgan.autodiff.Ops;
import kgan.autodiff.Tensor;
import kgan.linalg.Dense;

/**
 * Kernel discrepancies between a sample X = {x_1, …, x_n} of P and a sample
 * Y = {y_1, …, y_m} of Q, globally (MMD²) and at witness points V = {v_1, …, v_J}, after
 * Mehrjou, Jitkrittum, Muandet and Schölkopf, "Kernel-Guided Training of Implicit Generative
 * Models with Stability Guarantees" (MMD: Gretton et al., "A Kernel Two-Sample Test", 2012;
 * witness statistics: Jitkrittum et al., "Interpretable Distribution Features with Maximum
 * Testing Power", 2016).
 *
 * <p>Every function returns a differentiable tensor (first and second derivatives are
 * tested) with respect to X, Y and V. Samples are rows: X is n×d, Y is m×d, V is J×d.
 * Each function taking a kernel has an overload taking {@link Grams}, so that several
 * statistics of one batch share their kernel matrices.
 */
public final class Discrepancy {

    private Discrepancy() {
    }

    // ----- global: MMD² -------------------------------------------------------------------

    /**
     * The biased (V-statistic) estimate of MMD²(P, Q), diagonals included:
     * (1/n²) Σ_{i,i'} k(x_i, x_i') + (1/m²) Σ_{j,j'} k(y_j, y_j') − (2/(nm)) Σ_{i,j} k(x_i, y_j).
     * It is ‖μ̂_X − μ̂_Y‖²_H, so never negative; its expectation exceeds MMD² by
     * (E k(x, x) − E k(x, x'))/n + (E k(y, y) − E k(y, y'))/m. Returns a 1×1 tensor.
     */
    public static Tensor mmd2Biased(Kernel kernel, Tensor x, Tensor y) {
        return mmd2Biased(Grams.of(kernel, x, y));
    }

    /** {@link #mmd2Biased(Kernel, Tensor, Tensor)} from shared Gram matrices. */
    public static Tensor mmd2Biased(Grams grams) {
        int n = grams.n();
        int m = grams.m();

        Tensor xx = Ops.scale(Ops.sum(grams.kxx()), 1.0 / ((double) n * n));
        Tensor yy = Ops.scale(Ops.sum(grams.kyy()), 1.0 / ((double) m * m));
        Tensor xy = Ops.scale(Ops.sum(grams.kxy()), 2.0 / ((double) n * m));

        return Ops.sub(Ops.add(xx, yy), xy);
    }

    /**
     * The unbiased (U-statistic) estimate of MMD²(P, Q), diagonals excluded:
     * (1/(n(n−1))) Σ_{i≠i'} k(x_i, x_i') + (1/(m(m−1))) Σ_{j≠j'} k(y_j, y_j')
     * − (2/(nm)) Σ_{i,j} k(x_i, y_j). Its expectation is MMD² exactly; it can be negative.
     * Returns a 1×1 tensor.
     *
     * @throws IllegalArgumentException unless n ≥ 2 and m ≥ 2
     */
    public static Tensor mmd2Unbiased(Kernel kernel, Tensor x, Tensor y) {
        requireAtLeastTwo("mmd2Unbiased", x.rows(), y.rows());
        return mmd2Unbiased(Grams.of(kernel, x, y));
    }

    /** {@link #mmd2Unbiased(Kernel, Tensor, Tensor)} from shared Gram matrices. */
    public static Tensor mmd2Unbiased(Grams grams) {
        int n = grams.n();
        int m = grams.m();
        requireAtLeastTwo("mmd2Unbiased", n, m);

        Tensor xx = Ops.scale(offDiagonalSum(grams.kxx()), 1.0 / ((double) n * (n - 1)));
        Tensor yy = Ops.scale(offDiagonalSum(grams.kyy()), 1.0 / ((double) m * (m - 1)));
        Tensor xy = Ops.scale(Ops.sum(grams.kxy()), 2.0 / ((double) n * m));

        return Ops.sub(Ops.add(xx, yy), xy);
    }

    /** Σ_{i≠i'} K_ii' = Σ K − Σ diag K, 1×1. */
    private static Tensor offDiagonalSum(Tensor k) {
        return Ops.sub(Ops.sum(k), Ops.sum(Ops.diagonal(k)));
    }

    /**
     * {@link #mmd2Biased(Kernel, Tensor, Tensor)} for plain matrices, building no graph and
     * allocating only the three Gram matrices: for metrics on large held-out sets.
     */
    public static double mmd2Biased(Kernel kernel, DMatrixRMaj x, DMatrixRMaj y) {
        double n = x.numRows;
        double m = y.numRows;
        requirePlainSamples("mmd2Biased", x, y);
        return Dense.sum(kernel.gram(x, x)) / (n * n) + Dense.sum(kernel.gram(y, y)) / (m * m)
                - 2.0 * Dense.sum(kernel.gram(x, y)) / (n * m);
    }

    /** {@link #mmd2Unbiased(Kernel, Tensor, Tensor)} for plain matrices, building no graph. */
    public static double mmd2Unbiased(Kernel kernel, DMatrixRMaj x, DMatrixRMaj y) {
        double n = x.numRows;
        double m = y.numRows;
        requirePlainSamples("mmd2Unbiased", x, y);
        requireAtLeastTwo("mmd2Unbiased", x.numRows, y.numRows);
        return offDiagonalSum(kernel.gram(x, x)) / (n * (n - 1))
                + offDiagonalSum(kernel.gram(y, y)) / (m * (m - 1))
                - 2.0 * Dense.sum(kernel.gram(x, y)) / (n * m);
    }

    private static double offDiagonalSum(DMatrixRMaj k) {
        return Dense.sum(k) - Dense.sum(Dense.diagonal(k));
    }

    // ----- local: mean embeddings and the witness ------------------------------------------

    /**
     * The empirical mean embedding of X at the witness points, μ̂_X(v_j) = (1/n) Σ_i
     * k(x_i, v_j), as a J×1 column.
     *
     * @throws IllegalArgumentException if a set is empty or the points differ in dimension
     */
    public static Tensor meanEmbedding(Kernel kernel, Tensor x, Tensor v) {
        if (x.rows() == 0 || v.rows() == 0 || x.cols() != v.cols()) {
            throw new IllegalArgumentException("meanEmbedding: x is " + Dense.shape(x.value())
                    + " and v is " + Dense.shape(v.value())
                    + "; expected at least one row each, points of the same dimension");
        }
        return meanEmbedding(kernel.gram(v, x));
    }

    /** (1/n) Kvx 1 for the J×n matrix Kvx = k(V, X). */
    private static Tensor meanEmbedding(Tensor kvx) {
        return Ops.scale(Ops.rowSums(kvx), 1.0 / kvx.cols());
    }

    /**
     * The empirical witness function at the witness points, w(v_j) = μ̂_X(v_j) − μ̂_Y(v_j),
     * as a J×1 column: positive where X has more mass than Y.
     */
    public static Tensor witness(Kernel kernel, Tensor x, Tensor y, Tensor v) {
        return witness(Grams.of(kernel, x, y, v));
    }

    /** {@link #witness(Kernel, Tensor, Tensor, Tensor)} from shared Gram matrices. */
    public static Tensor witness(Grams grams) {
        return Ops.sub(meanEmbedding(grams.kvx()), meanEmbedding(grams.kvy()));
    }

    /**
     * The estimated variance of each witness value, J×1, treating X and Y as independent
     * samples (they need not be paired, nor of equal size):
     * σ̂²(v_j) = s_X²(v_j)/n + s_Y²(v_j)/m, with the unbiased sample variance
     * s_X²(v) = (1/(n−1)) Σ_i (k(x_i, v) − μ̂_X(v))², and s_Y² alike.
     *
     * @throws IllegalArgumentException unless n ≥ 2 and m ≥ 2
     */
    public static Tensor witnessVariance(Grams grams) {
        requireAtLeastTwo("witnessVariance", grams.n(), grams.m());
        return Ops.add(varianceOfMean(grams.kvx()), varianceOfMean(grams.kvy()));
    }

    /** s²(v_j)/n for the J×n matrix of k(x_i, v_j), centred row by row before squaring. */
    private static Tensor varianceOfMean(Tensor kvx) {
        int n = kvx.cols();
        Tensor centred = Ops.sub(kvx, Ops.repeatColumn(meanEmbedding(kvx), n));
        return Ops.scale(Ops.rowSums(Ops.square(centred)), 1.0 / ((double) n * (n - 1)));
    }

    /**
     * The local discrepancy with uniform weights a_j = 1/J:
     * Λ = (1/J) Σ_j w(v_j)², a 1×1 tensor.
     */
    public static Tensor localDiscrepancy(Kernel kernel, Tensor x, Tensor y, Tensor v) {
        return localDiscrepancy(Grams.of(kernel, x, y, v));
    }

    /** {@link #localDiscrepancy(Kernel, Tensor, Tensor, Tensor)} from shared Gram matrices. */
    public static Tensor localDiscrepancy(Grams grams) {
        return localDiscrepancy(grams, uniformWeights(grams.witnessCount()));
    }

    /**
     * The local discrepancy Λ = Σ_j a_j w(v_j)² with weights a_j ≥ 0, a 1×1 tensor. With
     * plug-in means this is the unnormalised mean-embedding (UME) statistic.
     *
     * @param weights a_1, …, a_J, each finite and ≥ 0. Not modified.
     * @throws IllegalArgumentException if there are not J weights or one is negative or not
     *     finite
     */
    public static Tensor localDiscrepancy(Kernel kernel, Tensor x, Tensor y, Tensor v,
            double[] weights) {
        return localDiscrepancy(Grams.of(kernel, x, y, v), weights);
    }

    /** {@link #localDiscrepancy(Kernel, Tensor, Tensor, Tensor, double[])} from shared Grams. */
    public static Tensor localDiscrepancy(Grams grams, double[] weights) {
        Tensor a = weightColumn("localDiscrepancy", weights, grams.witnessCount());
        return Ops.sum(Ops.mul(a, Ops.square(witness(grams))));
    }

    /**
     * The normalised local discrepancy with uniform weights a_j = 1/J:
     * (1/J) Σ_j w(v_j)² / (σ̂²(v_j) + γ), a 1×1 tensor.
     */
    public static Tensor normalisedLocalDiscrepancy(Kernel kernel, Tensor x, Tensor y,
            Tensor v, double gamma) {
        Grams grams = Grams.of(kernel, x, y, v);
        return normalisedLocalDiscrepancy(grams, uniformWeights(grams.witnessCount()), gamma);
    }

    /**
     * The normalised local discrepancy Σ_j a_j w(v_j)² / (σ̂²(v_j) + γ), a 1×1 tensor: each
     * squared witness value divided by its estimated variance {@link #witnessVariance}: the
     * per-location (diagonal) variant of the ME-test statistic, which uses the full J×J
     * covariance of paired samples instead (kgan.stats.MeTest). Witness points that ascend it
     * seek locations where the witness is large relative to its noise rather than large
     * outright; only the full statistic's ascent maximises the test's power when the witness
     * values are correlated. Without γ each term is a squared z-score
     * (about χ²₁ where P = Q); γ keeps the quotient finite where the variance vanishes
     * (witness points far from both samples). γ is in the units of σ̂², which shrinks like
     * 1/n: scale γ with the batch size to keep its effect.
     *
     * @param weights a_1, …, a_J, each finite and ≥ 0. Not modified.
     * @param gamma γ &gt; 0, finite
     * @throws IllegalArgumentException for bad weights or γ, or unless n ≥ 2 and m ≥ 2
     */
    public static Tensor normalisedLocalDiscrepancy(Grams grams, double[] weights,
            double gamma) {
        RadialKernel.requirePositiveFinite("normalisedLocalDiscrepancy", "gamma", gamma);
        Tensor a = weightColumn("normalisedLocalDiscrepancy", weights, grams.witnessCount());

        Tensor variance = Ops.plus(witnessVariance(grams), gamma);

        return Ops.sum(Ops.mul(a, Ops.div(Ops.square(witness(grams)), variance)));
    }

    /** a_j = 1/J for j = 1, …, J. */
    public static double[] uniformWeights(int count) {
        double[] weights = new double[count];
        java.util.Arrays.fill(weights, 1.0 / count);
        return weights;
    }

    // ----- argument checks ---------------------------------------------------------------

    private static Tensor weightColumn(String op, double[] weights, int count) {
        if (weights.length != count) {
            throw new IllegalArgumentException(op + ": " + weights.length + " weights for "
                    + count + " witness points; expected one weight per witness point");
        }
        for (int j = 0; j < count; j++) {
            if (!(weights[j] >= 0) || !Double.isFinite(weights[j])) {
                throw new IllegalArgumentException(op + ": weights[" + j + "] = " + weights[j]
                        + "; expected a finite number ≥ 0");
            }
        }
        return Tensor.constant(Dense.of(count, 1, weights.clone()));
    }

    private static void requireAtLeastTwo(String op, int n, int m) {
        if (n < 2 || m < 2) {
            throw new IllegalArgumentException(op + ": samples of sizes n = " + n + " and m = "
                    + m + "; expected at least 2 points in each (the estimator leaves out "
                    + "each point's pairing with itself)");
        }
    }

    private static void requirePlainSamples(String op, DMatrixRMaj x, DMatrixRMaj y) {
        if (x.numRows == 0 || y.numRows == 0 || x.numCols != y.numCols) {
            throw new IllegalArgumentException(op + ": x is " + Dense.shape(x) + " and y is "
                    + Dense.shape(y) + "; expected at least one row each, points of the same "
                    + "dimension");
        }
    }
}
