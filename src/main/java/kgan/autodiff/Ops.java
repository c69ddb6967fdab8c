package kgan.autodiff;

import org.ejml.data.DMatrixRMaj;

import kgan.linalg.Dense;
import kgan.linalg.Parallel;

/**
 * The differentiable operations. Each one computes its value and states, beside it, the
 * vector-Jacobian product for each input, written with these same operations so that the
 * gradient is differentiable again.
 *
 * <p>In the formulas, g is the gradient flowing into the output y, and ⊙ the element-wise
 * product.
 */
public final class Ops {

    private Ops() {
    }

    // ----- products ---------------------------------------------------------------------

    /** y = A B; ∂A = g Bᵀ, ∂B = Aᵀ g. */
    public static Tensor matmul(Tensor a, Tensor b) {
        return Tensor.result("matmul", Dense.mult(a.value(), b.value()),
                (y, g, i) -> i == 0 ? matmulTransB(g, b) : matmulTransA(a, g), a, b);
    }

    /** y = Aᵀ B; ∂A = B gᵀ, ∂B = A g. */
    public static Tensor matmulTransA(Tensor a, Tensor b) {
        return Tensor.result("matmulTransA", Dense.multTransA(a.value(), b.value()),
                (y, g, i) -> i == 0 ? matmulTransB(b, g) : matmul(a, g), a, b);
    }

    /** y = A Bᵀ; ∂A = g B, ∂B = gᵀ A. */
    public static Tensor matmulTransB(Tensor a, Tensor b) {
        return Tensor.result("matmulTransB", Dense.multTransB(a.value(), b.value()),
                (y, g, i) -> i == 0 ? matmul(g, b) : matmulTransA(g, a), a, b);
    }

    // ----- element-wise arithmetic ------------------------------------------------------

    /** y = A + B; ∂A = g, ∂B = g. */
    public static Tensor add(Tensor a, Tensor b) {
        return Tensor.result("add", Dense.add(a.value(), b.value()), (y, g, i) -> g, a, b);
    }

    /** y = A − B; ∂A = g, ∂B = −g. */
    public static Tensor sub(Tensor a, Tensor b) {
        return Tensor.result("sub", Dense.subtract(a.value(), b.value()),
                (y, g, i) -> i == 0 ? g : neg(g), a, b);
    }

    /** y = A ⊙ B; ∂A = g ⊙ B, ∂B = g ⊙ A. */
    public static Tensor mul(Tensor a, Tensor b) {
        return Tensor.result("mul", Dense.elementMult(a.value(), b.value()),
                (y, g, i) -> i == 0 ? mul(g, b) : mul(g, a), a, b);
    }

    /** y = A ⊘ B; ∂A = g ⊘ B, ∂B = −g ⊙ y ⊘ B. */
    public static Tensor div(Tensor a, Tensor b) {
        return Tensor.result("div", Dense.elementDiv(a.value(), b.value()),
                (y, g, i) -> i == 0 ? div(g, b) : neg(div(mul(g, y), b)), a, b);
    }

    /** y = α A; ∂A = α g. */
    public static Tensor scale(Tensor a, double alpha) {
        return Tensor.result("scale", Dense.scale(alpha, a.value()),
                (y, g, i) -> scale(g, alpha), a);
    }

    /** y = −A. */
    public static Tensor neg(Tensor a) {
        return scale(a, -1.0);
    }

    /** y = A + α entry by entry; ∂A = g. */
    public static Tensor plus(Tensor a, double alpha) {
        return Tensor.result("plus", Dense.plus(a.value(), alpha), (y, g, i) -> g, a);
    }

    /** y = A ⊙ A; ∂A = 2 g ⊙ A. */
    public static Tensor square(Tensor a) {
        return Tensor.result("square", Dense.elementMult(a.value(), a.value()),
                (y, g, i) -> scale(mul(g, a), 2.0), a);
    }

    /** y = √A; ∂A = g ⊘ (2y). Infinite derivative at 0: add a small constant first. */
    public static Tensor sqrt(Tensor a) {
        return Tensor.result("sqrt", Dense.map(a.value(), Math::sqrt),
                (y, g, i) -> div(g, scale(y, 2.0)), a);
    }

    /** y = exp(A); ∂A = g ⊙ y. */
    public static Tensor exp(Tensor a) {
        return Tensor.result("exp", Dense.map(a.value(), Math::exp),
                (y, g, i) -> mul(g, y), a);
    }

    /** y = log(A); ∂A = g ⊘ A. */
    public static Tensor log(Tensor a) {
        return Tensor.result("log", Dense.map(a.value(), Math::log),
                (y, g, i) -> div(g, a), a);
    }

    /** y = A^p for a constant p, entry by entry; ∂A = p g ⊙ A^(p−1). */
    public static Tensor pow(Tensor a, double p) {
        return Tensor.result("pow", Dense.map(a.value(), v -> Math.pow(v, p)),
                (y, g, i) -> scale(mul(g, pow(a, p - 1.0)), p), a);
    }

    // ----- activations ------------------------------------------------------------------

    /** y = max(A, 0); ∂A = g ⊙ 1[A > 0]. The mask is piecewise constant. */
    public static Tensor relu(Tensor a) {
        return leakyRelu(a, 0.0);
    }

    /** y = A where A > 0, s A elsewhere; ∂A = g ⊙ (1[A > 0] + s 1[A ≤ 0]). */
    public static Tensor leakyRelu(Tensor a, double slope) {
        return Tensor.result(slope == 0.0 ? "relu" : "leakyRelu",
                Dense.leakyRelu(a.value(), slope),
                (y, g, i) -> masked(g, a.value(), slope), a);
    }

    /**
     * y = G ⊙ (1[A > 0] + s 1[A ≤ 0]) in one pass, the mask a constant of the given A;
     * ∂G = the same mask applied to g.
     */
    private static Tensor masked(Tensor g, DMatrixRMaj a, double slope) {
        return Tensor.result("masked", Dense.leakyReluMasked(g.value(), a, slope),
                (y, gy, i) -> masked(gy, a, slope), g);
    }

    /** y = tanh(A); ∂A = g ⊙ (1 − y²). */
    public static Tensor tanh(Tensor a) {
        return Tensor.result("tanh", Dense.map(a.value(), Math::tanh),
                (y, g, i) -> mul(g, oneMinus(square(y))), a);
    }

    /** y = σ(A) = 1 / (1 + e^(−A)); ∂A = g ⊙ y ⊙ (1 − y). */
    public static Tensor sigmoid(Tensor a) {
        return Tensor.result("sigmoid", Dense.map(a.value(), Ops::sigmoid),
                (y, g, i) -> mul(g, mul(y, oneMinus(y))), a);
    }

    /** y = log(1 + e^A), computed without overflow; ∂A = g ⊙ σ(A). */
    public static Tensor softplus(Tensor a) {
        return Tensor.result("softplus", Dense.map(a.value(), Ops::softplus),
                (y, g, i) -> mul(g, sigmoid(a)), a);
    }

    /** y = log σ(A) = −softplus(−A). */
    public static Tensor logSigmoid(Tensor a) {
        return neg(softplus(neg(a)));
    }

    /** 1 − A. */
    public static Tensor oneMinus(Tensor a) {
        return plus(neg(a), 1.0);
    }

    static double sigmoid(double t) {
        if (t >= 0) {
            return 1.0 / (1.0 + Math.exp(-t));
        }
        double e = Math.exp(t);
        return e / (1.0 + e);
    }

    static double softplus(double t) {
        return Math.max(t, 0.0) + Math.log1p(Math.exp(-Math.abs(t)));
    }

    // ----- broadcasting and reductions --------------------------------------------------

    /** y = A + 1 rᵀ (the row added to every row); ∂A = g, ∂r = 1ᵀ g. */
    public static Tensor addRow(Tensor a, Tensor row) {
        return Tensor.result("addRow", Dense.addRow(a.value(), row.value()),
                (y, g, i) -> i == 0 ? g : columnSums(g), a, row);
    }

    /** y = A + c 1ᵀ (the column added to every column); ∂A = g, ∂c = g 1. */
    public static Tensor addColumn(Tensor a, Tensor column) {
        return Tensor.result("addColumn", Dense.addColumn(a.value(), column.value()),
                (y, g, i) -> i == 0 ? g : rowSums(g), a, column);
    }

    /** y = 1ᵀ A, the 1×c column sums; ∂A = 1 g (g repeated down the rows). */
    public static Tensor columnSums(Tensor a) {
        int rows = a.rows();
        return Tensor.result("columnSums", Dense.columnSums(a.value()),
                (y, g, i) -> repeatRow(g, rows), a);
    }

    /** y = A 1, the r×1 row sums; ∂A = g 1ᵀ (g repeated across the columns). */
    public static Tensor rowSums(Tensor a) {
        int cols = a.cols();
        return Tensor.result("rowSums", Dense.rowSums(a.value()),
                (y, g, i) -> repeatColumn(g, cols), a);
    }

    /** y = 1 r, the 1×c row repeated {@code rows} times; ∂r = 1ᵀ g. */
    public static Tensor repeatRow(Tensor row, int rows) {
        return Tensor.result("repeatRow", Dense.repeatRow(row.value(), rows),
                (y, g, i) -> columnSums(g), row);
    }

    /** y = c 1ᵀ, the r×1 column repeated {@code cols} times; ∂c = g 1. */
    public static Tensor repeatColumn(Tensor column, int cols) {
        return Tensor.result("repeatColumn", Dense.repeatColumn(column.value(), cols),
                (y, g, i) -> rowSums(g), column);
    }

    /** y = Σ_ij A_ij (1×1); ∂A = g 1 1ᵀ. */
    public static Tensor sum(Tensor a) {
        int rows = a.rows();
        int cols = a.cols();
        return Tensor.result("sum", Dense.scalar(Dense.sum(a.value())),
                (y, g, i) -> fill(g, rows, cols), a);
    }

    /** y = mean of the entries of A (1×1). */
    public static Tensor mean(Tensor a) {
        return scale(sum(a), 1.0 / a.value().getNumElements());
    }

    /** y = the 1×1 s copied into an r×c matrix; ∂s = Σ g. */
    public static Tensor fill(Tensor s, int rows, int cols) {
        if (s.rows() != 1 || s.cols() != 1) {
            throw new IllegalArgumentException("fill: expected a 1×1 tensor, got "
                    + Dense.shape(s.value()));
        }
        return Tensor.result("fill", Dense.filled(rows, cols, s.item()),
                (y, g, i) -> sum(g), s);
    }

    /** y = the n×1 diagonal of a square A; ∂A = diag(g). */
    public static Tensor diagonal(Tensor a) {
        return Tensor.result("diagonal", Dense.diagonal(a.value()),
                (y, g, i) -> diagonalMatrix(g), a);
    }

    /** y = diag(d), the n×n matrix with the n×1 d on its diagonal; ∂d = diagonal(g). */
    public static Tensor diagonalMatrix(Tensor d) {
        return Tensor.result("diagonalMatrix", Dense.diagonalMatrix(d.value()),
                (y, g, i) -> diagonal(g), d);
    }

    /** y = rows [from, to) of A; ∂A = g placed at those rows, zero elsewhere. */
    public static Tensor rows(Tensor a, int from, int to) {
        int total = a.rows();
        return Tensor.result("rows", Dense.rows(a.value(), from, to),
                (y, g, i) -> padRows(g, from, total), a);
    }

    /** y = A placed at rows [from, from + r) of a zero matrix of {@code total} rows. */
    public static Tensor padRows(Tensor a, int from, int total) {
        int to = from + a.rows();
        return Tensor.result("padRows", Dense.padRows(a.value(), from, total),
                (y, g, i) -> rows(g, from, to), a);
    }

    /** y = [A; B]; ∂A = the top rows of g, ∂B = the bottom rows. */
    public static Tensor concatRows(Tensor a, Tensor b) {
        int split = a.rows();
        int total = a.rows() + b.rows();
        return Tensor.result("concatRows", Dense.concatRows(a.value(), b.value()),
                (y, g, i) -> i == 0 ? rows(g, 0, split) : rows(g, split, total), a, b);
    }

    // ----- geometry ---------------------------------------------------------------------

    /**
     * y_ij = ‖x_i − y_j‖² for the rows of X (n×d) and Y (m×d), computed as
     * ‖x_i‖² + ‖y_j‖² − 2 x_iᵀ y_j and clamped at 0 against rounding; never through a square
     * root, so the gradient is finite (zero) where points coincide.
     * ∂X = 2 (diag(g 1) X − g Y), ∂Y = 2 (diag(gᵀ 1) Y − gᵀ X).
     */
    public static Tensor squaredDistances(Tensor x, Tensor y) {
        return Tensor.result("squaredDistances", squaredDistances(x.value(), y.value()),
                (d, g, i) -> i == 0
                        ? scale(sub(mulRowsBy(x, rowSums(g)), matmul(g, y)), 2.0)
                        : scale(sub(mulRowsBy(y, transpose(columnSums(g))),
                                matmulTransA(g, x)), 2.0),
                x, y);
    }

    /**
     * The Gaussian Gram matrix y_ij = exp(α ‖x_i − y_j‖²) with α = −1/(2σ²), the squared
     * distances as {@link #squaredDistances(Tensor, Tensor)} computes them. One op in place of
     * exp(α D(X, Y)), with the same numbers: its partial is the chain of the three,
     * g_D = α (g ⊙ y), ∂X = 2 (diag(g_D 1) X − g_D Y), ∂Y = 2 (diag(g_Dᵀ 1) Y − g_Dᵀ X),
     * written with these ops, so that it is differentiable again.
     */
    public static Tensor gaussianGram(Tensor x, Tensor y, double bandwidth) {
        double alpha = -0.5 / (bandwidth * bandwidth);
        // Autodiff asks for ∂X then ∂Y with the same g: g_D formed for the one serves the
        // other, if formed with the recording switch as it is now.
        GramGradient[] pending = new GramGradient[1];
        return Tensor.result("gaussianGram", gaussianGram(x.value(), y.value(), bandwidth),
                (k, g, i) -> {
                    boolean recording = Autodiff.isRecording();
                    GramGradient p = pending[0];
                    pending[0] = null;
                    Tensor gd = p != null && p.g() == g && p.recording() == recording
                            ? p.gd() : scale(mul(g, k), alpha);
                    if (i == 0) {
                        pending[0] = new GramGradient(g, recording, gd);
                        return scale(sub(mulRowsBy(x, rowSums(gd)), matmul(gd, y)), 2.0);
                    }
                    return scale(sub(mulRowsBy(y, transpose(columnSums(gd))),
                            matmulTransA(gd, x)), 2.0);
                },
                x, y);
    }

    /** g_D = α (g ⊙ K) for the gradient g, formed with recording on or off. */
    private record GramGradient(Tensor g, boolean recording, Tensor gd) {
    }

    /**
     * exp(α ‖x_i − y_j‖²), α = −1/(2σ²), for plain matrices, in one pass over x_iᵀ y_j. When
     * X and Y are one matrix the squared distances are symmetric bit for bit (x_iᵀ x_j sums the
     * same products in the same order as x_jᵀ x_i, and ‖x_i‖² + ‖x_j‖² = ‖x_j‖² + ‖x_i‖²
     * exactly), so they and their exponentials are taken on and above the diagonal and
     * mirrored. (With KGAN_BLAS=native the system's BLAS may sum x_iᵀ x_j and x_jᵀ x_i in
     * different orders; the mirror then makes the Gram matrix symmetric rather than keeping
     * it so.)
     */
    public static DMatrixRMaj gaussianGram(DMatrixRMaj x, DMatrixRMaj y, double bandwidth) {
        requireSameDimension(x, y);
        double alpha = -0.5 / (bandwidth * bandwidth);
        DMatrixRMaj k = Dense.multTransB(x, y);
        double[] xNorms = rowSquaredNorms(x);
        double[] yNorms = x == y ? xNorms : rowSquaredNorms(y);
        double[] v = k.data;
        int n = x.numRows;
        int m = y.numRows;
        if (x != y) {
            Parallel.split(0, gramSplit(n, m), n, (from, to) -> {
                for (int i = from; i < to; i++) {
                    for (int j = 0; j < m; j++) {
                        v[i * m + j] = Math.exp(alpha * squaredDistance(xNorms[i], yNorms[j],
                                v[i * m + j]));
                    }
                }
            });
            return k;
        }
        // Row i holds m − i entries on and above the diagonal: the first m (1 − 1/√2) rows
        // hold half of them. The mirror, i entries in row i, splits at m/√2.
        Parallel.split(0, gramSplit(m, m, m - m / Math.sqrt(2)), m, (from, to) -> {
            for (int i = from; i < to; i++) {
                for (int j = i; j < m; j++) {
                    v[i * m + j] = Math.exp(alpha * squaredDistance(xNorms[i], xNorms[j],
                            v[i * m + j]));
                }
            }
        });
        Parallel.split(0, gramSplit(m, m, m / Math.sqrt(2)), m, (from, to) -> {
            for (int i = from; i < to; i++) {
                for (int j = 0; j < i; j++) {
                    v[i * m + j] = v[j * m + i];
                }
            }
        });
        return k;
    }

    /**
     * Gram matrices with fewer entries are computed on one thread: 2¹⁴ exponentials take
     * about 0.1 ms, several times what handing half of them to the helper thread costs.
     */
    private static final long PARALLEL_GRAM_ENTRIES = 1L << 14;

    /** Where the rows of an n×m Gram matrix split between two threads: half way. */
    private static int gramSplit(int n, int m) {
        return gramSplit(n, m, n / 2.0);
    }

    /** The row {@code at} (rounded), or n (no split) for a small matrix. */
    private static int gramSplit(int n, int m, double at) {
        return (long) n * m < PARALLEL_GRAM_ENTRIES ? n : (int) Math.round(at);
    }

    /** ‖x_i − y_j‖² for plain matrices, clamped at 0. */
    public static DMatrixRMaj squaredDistances(DMatrixRMaj x, DMatrixRMaj y) {
        requireSameDimension(x, y);
        DMatrixRMaj out = Dense.multTransB(x, y);
        double[] xNorms = rowSquaredNorms(x);
        double[] yNorms = rowSquaredNorms(y);
        int m = y.numRows;
        for (int i = 0; i < x.numRows; i++) {
            for (int j = 0; j < m; j++) {
                out.data[i * m + j] = squaredDistance(xNorms[i], yNorms[j],
                        out.data[i * m + j]);
            }
        }
        return out;
    }

    /** ‖x‖² + ‖y‖² − 2 xᵀy, clamped at 0; NaN (v < 0 is false) propagates, never 0. */
    private static double squaredDistance(double xNorm, double yNorm, double dot) {
        double v = xNorm + yNorm - 2.0 * dot;
        return v < 0 ? 0.0 : v;
    }

    private static void requireSameDimension(DMatrixRMaj x, DMatrixRMaj y) {
        if (x.numCols != y.numCols) {
            throw new IllegalArgumentException("squaredDistances: points of dimension "
                    + x.numCols + " and " + y.numCols + " (shapes " + Dense.shape(x) + " and "
                    + Dense.shape(y) + ")");
        }
    }

    private static double[] rowSquaredNorms(DMatrixRMaj a) {
        double[] norms = new double[a.numRows];
        int d = a.numCols;
        for (int i = 0; i < a.numRows; i++) {
            double s = 0;
            for (int k = 0; k < d; k++) {
                double v = a.data[i * d + k];
                s += v * v;
            }
            norms[i] = s;
        }
        return norms;
    }

    /** y = diag(c) A: row i of A scaled by c_i for the r×1 column c. */
    public static Tensor mulRowsBy(Tensor a, Tensor column) {
        return mul(a, repeatColumn(column, a.cols()));
    }

    /** y = Aᵀ; ∂A = gᵀ. */
    public static Tensor transpose(Tensor a) {
        return Tensor.result("transpose", Dense.transpose(a.value()),
                (y, g, i) -> transpose(g), a);
    }
}
