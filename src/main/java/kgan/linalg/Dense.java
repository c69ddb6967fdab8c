package kgan.linalg;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Dense, row-major, double-precision matrix operations on EJML's {@link DMatrixRMaj}.
 *
 * <p>Every operation checks the shapes of its arguments and, on a mismatch, names the
 * operation and both shapes. Operations that return a matrix allocate it; the variants that
 * take an {@code out} argument write into it instead (Modified) and leave the inputs alone
 * (Not modified), so that hot loops can reuse their buffers. A computation repeated with the
 * same shapes, such as a training step, can also run inside a {@link Workspace}, which lends
 * the arrays of the matrices returned here and takes them back when it ends.
 */
public final class Dense {

    private Dense() {
    }

    /**
     * A new r×c matrix of zeros; inside {@link Workspace#run} its array is one the workspace
     * lends, zeroed, as for every matrix the operations here return.
     */
    public static DMatrixRMaj zeros(int rows, int cols) {
        return Workspace.zeros(rows, cols);
    }

    /** A copy of A, made as {@link #zeros} makes a matrix. */
    public static DMatrixRMaj copy(DMatrixRMaj a) {
        DMatrixRMaj out = Workspace.overwritten(a.numRows, a.numCols);
        System.arraycopy(a.data, 0, out.data, 0, a.getNumElements());
        return out;
    }

    /** A new r×c matrix whose every entry is {@code value}. */
    public static DMatrixRMaj filled(int rows, int cols, double value) {
        DMatrixRMaj m = Workspace.overwritten(rows, cols);
        java.util.Arrays.fill(m.data, 0, rows * cols, value);
        return m;
    }

    /** A new r×c matrix from its entries in row-major order. */
    public static DMatrixRMaj of(int rows, int cols, double... rowMajor) {
        if (rowMajor.length != rows * cols) {
            throw new IllegalArgumentException("of: " + rowMajor.length
                    + " entries given for a " + shape(rows, cols) + " matrix");
        }
        return new DMatrixRMaj(rows, cols, true, rowMajor);
    }

    /** A 1×1 matrix holding {@code value}. */
    public static DMatrixRMaj scalar(double value) {
        return of(1, 1, value);
    }

    /** "r×c", the way shapes are written in error messages. */
    public static String shape(DMatrixRMaj m) {
        return shape(m.numRows, m.numCols);
    }

    static String shape(int rows, int cols) {
        return rows + "×" + cols;
    }

    /** Throws unless a and b have the same shape. */
    public static void requireSameShape(String op, DMatrixRMaj a, DMatrixRMaj b) {
        if (a.numRows != b.numRows || a.numCols != b.numCols) {
            throw new IllegalArgumentException(op + ": shapes " + shape(a) + " and " + shape(b)
                    + " differ");
        }
    }

    /** Throws unless m has the given shape. */
    public static void requireShape(String op, DMatrixRMaj m, int rows, int cols) {
        if (m.numRows != rows || m.numCols != cols) {
            throw new IllegalArgumentException(op + ": expected a " + shape(rows, cols)
                    + " matrix, got " + shape(m));
        }
    }

    // ----- products ---------------------------------------------------------------------

    /** C = A B. */
    public static DMatrixRMaj mult(DMatrixRMaj a, DMatrixRMaj b) {
        return mult(a, b, Workspace.overwritten(a.numRows, b.numCols));
    }

    /** out = A B. out: Modified; it must not be A or B. */
    public static DMatrixRMaj mult(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj out) {
        if (a.numCols != b.numRows) {
            throw new IllegalArgumentException("mult: A is " + shape(a) + ", B is " + shape(b)
                    + "; A's columns must equal B's rows");
        }
        requireDistinct("mult", a, b, out);
        out.reshape(a.numRows, b.numCols);
        Products.mult(a.data, a.numCols, 1, b.data, out.data, a.numRows, a.numCols,
                b.numCols);
        return out;
    }

    /** C = Aᵀ B. */
    public static DMatrixRMaj multTransA(DMatrixRMaj a, DMatrixRMaj b) {
        return multTransA(a, b, Workspace.overwritten(a.numCols, b.numCols));
    }

    /** out = Aᵀ B, reading A in place. out: Modified; it must not be A or B. */
    public static DMatrixRMaj multTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj out) {
        if (a.numRows != b.numRows) {
            throw new IllegalArgumentException("multTransA: A is " + shape(a) + ", B is "
                    + shape(b) + "; A's rows must equal B's rows");
        }
        requireDistinct("multTransA", a, b, out);
        out.reshape(a.numCols, b.numCols);
        Products.mult(a.data, 1, a.numCols, b.data, out.data, a.numCols, a.numRows,
                b.numCols);
        return out;
    }

    /** C = A Bᵀ. */
    public static DMatrixRMaj multTransB(DMatrixRMaj a, DMatrixRMaj b) {
        return multTransB(a, b, Workspace.overwritten(a.numRows, b.numRows));
    }

    /**
     * out = A Bᵀ, as A (Bᵀ) with Bᵀ copied first: the copy costs one pass over B and lets
     * the product read B's rows contiguously. out: Modified; it must not be A or B.
     */
    public static DMatrixRMaj multTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj out) {
        if (a.numCols != b.numCols) {
            throw new IllegalArgumentException("multTransB: A is " + shape(a) + ", B is "
                    + shape(b) + "; A's columns must equal B's columns");
        }
        requireDistinct("multTransB", a, b, out);
        DMatrixRMaj bt = transpose(b);
        out.reshape(a.numRows, b.numRows);
        Products.mult(a.data, a.numCols, 1, bt.data, out.data, a.numRows, a.numCols,
                b.numRows);
        return out;
    }

    private static void requireDistinct(String op, DMatrixRMaj a, DMatrixRMaj b,
            DMatrixRMaj out) {
        if (out == a || out == b) {
            throw new IllegalArgumentException(op + ": the output must be a matrix other "
                    + "than the factors");
        }
    }

    /** How many threads a large product of kgan's own kernels uses: 1 or 2. */
    public static int productThreads() {
        return Parallel.threadsUsed();
    }

    /** True when the products run on the JDK Vector API rather than plain loops. */
    public static boolean vectorisedProducts() {
        return Products.vectorised();
    }

    /** Aᵀ. */
    public static DMatrixRMaj transpose(DMatrixRMaj a) {
        return CommonOps_DDRM.transpose(a, Workspace.overwritten(a.numCols, a.numRows));
    }

    // ----- element-wise -----------------------------------------------------------------

    /** A + B. */
    public static DMatrixRMaj add(DMatrixRMaj a, DMatrixRMaj b) {
        requireSameShape("add", a, b);
        return CommonOps_DDRM.add(a, b, Workspace.overwritten(a.numRows, a.numCols));
    }

    /** A − B. */
    public static DMatrixRMaj subtract(DMatrixRMaj a, DMatrixRMaj b) {
        requireSameShape("subtract", a, b);
        return CommonOps_DDRM.subtract(a, b, Workspace.overwritten(a.numRows, a.numCols));
    }

    /** A ⊙ B (element-wise product). */
    public static DMatrixRMaj elementMult(DMatrixRMaj a, DMatrixRMaj b) {
        requireSameShape("elementMult", a, b);
        return CommonOps_DDRM.elementMult(a, b, Workspace.overwritten(a.numRows, a.numCols));
    }

    /** A ⊘ B (element-wise quotient). */
    public static DMatrixRMaj elementDiv(DMatrixRMaj a, DMatrixRMaj b) {
        requireSameShape("elementDiv", a, b);
        return CommonOps_DDRM.elementDiv(a, b, Workspace.overwritten(a.numRows, a.numCols));
    }

    /** α A. */
    public static DMatrixRMaj scale(double alpha, DMatrixRMaj a) {
        DMatrixRMaj out = Workspace.overwritten(a.numRows, a.numCols);
        CommonOps_DDRM.scale(alpha, a, out);
        return out;
    }

    /** A + α, entry by entry. */
    public static DMatrixRMaj plus(DMatrixRMaj a, double alpha) {
        DMatrixRMaj out = Workspace.overwritten(a.numRows, a.numCols);
        CommonOps_DDRM.add(a, alpha, out);
        return out;
    }

    /** The leaky rectifier: a if a &gt; 0, else s a, entry by entry (s = 0: the ReLU). */
    public static DMatrixRMaj leakyRelu(DMatrixRMaj a, double slope) {
        DMatrixRMaj out = Workspace.overwritten(a.numRows, a.numCols);
        int n = a.getNumElements();
        int e = Products.vectorised()
                ? VectorElementwise.leakyRelu(a.data, slope, out.data, n) : 0;
        for (; e < n; e++) {
            double v = a.data[e];
            out.data[e] = v > 0 ? v : slope * v;
        }
        return out;
    }

    /**
     * G ⊙ M with M = 1[A &gt; 0] + s 1[A ≤ 0], the leaky rectifier's derivative at A, in one
     * pass: each entry is g times 1 or times s, the numbers of forming M first.
     */
    public static DMatrixRMaj leakyReluMasked(DMatrixRMaj g, DMatrixRMaj a, double slope) {
        requireSameShape("leakyReluMasked", g, a);
        DMatrixRMaj out = Workspace.overwritten(g.numRows, g.numCols);
        int n = g.getNumElements();
        int e = Products.vectorised()
                ? VectorElementwise.leakyReluMasked(g.data, a.data, slope, out.data, n) : 0;
        for (; e < n; e++) {
            out.data[e] = g.data[e] * (a.data[e] > 0 ? 1.0 : slope);
        }
        return out;
    }

    /** f applied to every entry of A. */
    public static DMatrixRMaj map(DMatrixRMaj a, DoubleUnaryOperator f) {
        DMatrixRMaj out = Workspace.overwritten(a.numRows, a.numCols);
        int n = a.getNumElements();
        for (int i = 0; i < n; i++) {
            out.data[i] = f.applyAsDouble(a.data[i]);
        }
        return out;
    }

    /** f applied to every pair of entries of A and B. */
    public static DMatrixRMaj zip(DMatrixRMaj a, DMatrixRMaj b, DoubleBinaryOperator f) {
        requireSameShape("zip", a, b);
        DMatrixRMaj out = Workspace.overwritten(a.numRows, a.numCols);
        int n = a.getNumElements();
        for (int i = 0; i < n; i++) {
            out.data[i] = f.applyAsDouble(a.data[i], b.data[i]);
        }
        return out;
    }

    // ----- broadcasting and reductions --------------------------------------------------

    /** A + 1 rᵀ: the 1×c row r added to every row of the r×c matrix A. */
    public static DMatrixRMaj addRow(DMatrixRMaj a, DMatrixRMaj row) {
        requireShape("addRow", row, 1, a.numCols);
        DMatrixRMaj out = copy(a);
        int cols = a.numCols;
        for (int i = 0; i < a.numRows; i++) {
            int offset = i * cols;
            for (int j = 0; j < cols; j++) {
                out.data[offset + j] += row.data[j];
            }
        }
        return out;
    }

    /** A + c 1ᵀ: the r×1 column c added to every column of the r×c matrix A. */
    public static DMatrixRMaj addColumn(DMatrixRMaj a, DMatrixRMaj column) {
        requireShape("addColumn", column, a.numRows, 1);
        DMatrixRMaj out = copy(a);
        int cols = a.numCols;
        for (int i = 0; i < a.numRows; i++) {
            double c = column.data[i];
            int offset = i * cols;
            for (int j = 0; j < cols; j++) {
                out.data[offset + j] += c;
            }
        }
        return out;
    }

    /** 1ᵀ A: the 1×c row of column sums. */
    public static DMatrixRMaj columnSums(DMatrixRMaj a) {
        DMatrixRMaj out = zeros(1, a.numCols);
        int cols = a.numCols;
        for (int i = 0; i < a.numRows; i++) {
            int offset = i * cols;
            for (int j = 0; j < cols; j++) {
                out.data[j] += a.data[offset + j];
            }
        }
        return out;
    }

    /** A 1: the r×1 column of row sums. */
    public static DMatrixRMaj rowSums(DMatrixRMaj a) {
        DMatrixRMaj out = Workspace.overwritten(a.numRows, 1);
        int cols = a.numCols;
        for (int i = 0; i < a.numRows; i++) {
            double s = 0;
            int offset = i * cols;
            for (int j = 0; j < cols; j++) {
                s += a.data[offset + j];
            }
            out.data[i] = s;
        }
        return out;
    }

    /** Σ_ij A_ij, summed in row-major order. */
    public static double sum(DMatrixRMaj a) {
        double s = 0;
        int n = a.getNumElements();
        for (int i = 0; i < n; i++) {
            s += a.data[i];
        }
        return s;
    }

    /** The r×c matrix whose every row is the 1×c row r. */
    public static DMatrixRMaj repeatRow(DMatrixRMaj row, int rows) {
        requireShape("repeatRow", row, 1, row.numCols);
        DMatrixRMaj out = Workspace.overwritten(rows, row.numCols);
        for (int i = 0; i < rows; i++) {
            System.arraycopy(row.data, 0, out.data, i * row.numCols, row.numCols);
        }
        return out;
    }

    /** The r×c matrix whose every column is the r×1 column c. */
    public static DMatrixRMaj repeatColumn(DMatrixRMaj column, int cols) {
        requireShape("repeatColumn", column, column.numRows, 1);
        DMatrixRMaj out = Workspace.overwritten(column.numRows, cols);
        for (int i = 0; i < column.numRows; i++) {
            java.util.Arrays.fill(out.data, i * cols, (i + 1) * cols, column.data[i]);
        }
        return out;
    }

    /** The n×1 column of the diagonal of a square matrix. */
    public static DMatrixRMaj diagonal(DMatrixRMaj a) {
        if (a.numRows != a.numCols) {
            throw new IllegalArgumentException("diagonal: expected a square matrix, got "
                    + shape(a));
        }
        DMatrixRMaj out = Workspace.overwritten(a.numRows, 1);
        for (int i = 0; i < a.numRows; i++) {
            out.data[i] = a.data[i * a.numCols + i];
        }
        return out;
    }

    /** The n×n matrix with the n×1 column d on its diagonal. */
    public static DMatrixRMaj diagonalMatrix(DMatrixRMaj d) {
        requireShape("diagonalMatrix", d, d.numRows, 1);
        DMatrixRMaj out = zeros(d.numRows, d.numRows);
        for (int i = 0; i < d.numRows; i++) {
            out.data[i * d.numRows + i] = d.data[i];
        }
        return out;
    }

    /** Rows [from, to) of A. */
    public static DMatrixRMaj rows(DMatrixRMaj a, int from, int to) {
        if (from < 0 || to > a.numRows || from > to) {
            throw new IllegalArgumentException("rows: range [" + from + ", " + to
                    + ") outside the rows of a " + shape(a) + " matrix");
        }
        DMatrixRMaj out = Workspace.overwritten(to - from, a.numCols);
        System.arraycopy(a.data, from * a.numCols, out.data, 0, (to - from) * a.numCols);
        return out;
    }

    /** A placed at rows [from, from + r) of an otherwise zero matrix with {@code total} rows. */
    public static DMatrixRMaj padRows(DMatrixRMaj a, int from, int total) {
        if (from < 0 || from + a.numRows > total) {
            throw new IllegalArgumentException("padRows: " + a.numRows + " rows at " + from
                    + " do not fit in " + total);
        }
        DMatrixRMaj out = zeros(total, a.numCols);
        System.arraycopy(a.data, 0, out.data, from * a.numCols, a.getNumElements());
        return out;
    }

    /** [A; B], A's rows above B's. */
    public static DMatrixRMaj concatRows(DMatrixRMaj a, DMatrixRMaj b) {
        if (a.numCols != b.numCols) {
            throw new IllegalArgumentException("concatRows: shapes " + shape(a) + " and "
                    + shape(b) + " have different column counts");
        }
        DMatrixRMaj out = Workspace.overwritten(a.numRows + b.numRows, a.numCols);
        System.arraycopy(a.data, 0, out.data, 0, a.getNumElements());
        System.arraycopy(b.data, 0, out.data, a.getNumElements(), b.getNumElements());
        return out;
    }

    /** True when every entry is finite (neither NaN nor infinite). */
    public static boolean isFinite(DMatrixRMaj a) {
        int n = a.getNumElements();
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(a.data[i])) {
                return false;
            }
        }
        return true;
    }
}
