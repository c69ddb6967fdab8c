package kgan.linalg;

import dev.ludovic.netlib.blas.BLAS;

/**
 * The dense product C = A B on row-major arrays, with A read through strides so that Aᵀ B
 * needs no copy. Every entry is summed in ascending k, one multiply then one add per term
 * and no fused multiply-add: c_ij = (…((a_i1 b_1j) + a_i2 b_2j) + …) + a_iK b_Kj, the order
 * of EJML's products, which these replace without changing a result.
 *
 * <p>Blocking rows and columns, vector lanes across j and splitting the rows between two
 * threads decide only which entries are computed together, never the order of any one sum,
 * so the result is the same bit for bit on any number of threads.
 *
 * <p>The kernel uses the JDK's Vector API when the JVM runs with
 * {@code --add-modules jdk.incubator.vector} (the launcher and the tests do), and plain
 * loops otherwise; the two give identical results.
 *
 * <p>All of this holds for the default, Java backend; on request {@link ProductBackend} hands
 * the products to the system's BLAS, which sums in an order of its own.
 */
final class Products {

    /** Products with at least this many multiply-adds split their rows between two threads. */
    static final long PARALLEL_WORK = 1L << 18;

    /**
     * Row ranges with fewer multiply-adds, or shallower sums, are not packed: copying the
     * factors would cost more than the sequential reads save.
     */
    static final int PACKED_DEPTH = 16;

    /** See {@link #PACKED_DEPTH}. */
    static final long PACKED_WORK = 1L << 15;

    /** The threads a large product uses: see {@link Parallel}. */
    static final int THREADS = Parallel.THREADS;

    private static final boolean VECTOR = ModuleLayer.boot()
            .findModule("jdk.incubator.vector").isPresent()
            && !Boolean.getBoolean("kgan.plainProducts");

    private Products() {
    }

    /** True when the Vector API kernel is in use. */
    static boolean vectorised() {
        return VECTOR;
    }

    /**
     * c = A B for the m×depth matrix A with a(i, k) = a[i·rowStride + k·depthStride] and the
     * depth×n row-major B. c: Modified (its first m·n entries); a, b: Not modified. With the
     * native backend selected ({@link ProductBackend}) the system's BLAS computes it instead,
     * when A's strides fit one of its layouts.
     */
    static void mult(double[] a, int rowStride, int depthStride, double[] b, double[] c,
            int m, int depth, int n) {
        if (depth == 0) {
            java.util.Arrays.fill(c, 0, m * n, 0.0);
            return;
        }
        BLAS blas = ProductBackend.blas();
        if (blas != null && ProductBackend.dgemm(blas, a, rowStride, depthStride, b, c, m,
                depth, n)) {
            return;
        }
        long work = (long) m * depth * n;
        int split = work < PARALLEL_WORK || m < 8 ? m : m / 2;
        Parallel.split(0, split, m,
                (from, to) -> rows(a, rowStride, depthStride, b, c, depth, n, from, to));
    }

    private static void rows(double[] a, int rowStride, int depthStride, double[] b,
            double[] c, int depth, int n, int from, int to) {
        if (VECTOR && rowStride == 1 && depthStride != 1 && n < 8) {
            VectorProducts.narrowRows(a, depthStride, b, c, depth, n, from, to);
        } else if (VECTOR && depthStride == 1 && n < 8 && depth >= PACKED_DEPTH) {
            VectorProducts.narrowRowsCopied(a, rowStride, b, c, depth, n, from, to);
        } else if (VECTOR && (long) (to - from) * depth * n >= PACKED_WORK
                && depth >= PACKED_DEPTH && n >= VectorProducts.panelWidth()) {
            VectorProducts.packedRows(a, rowStride, depthStride, b, c, depth, n, from, to);
        } else if (VECTOR) {
            VectorProducts.rows(a, rowStride, depthStride, b, c, depth, n, from, to);
        } else {
            plainRows(a, rowStride, depthStride, b, c, depth, n, from, to);
        }
    }

    /** Rows [from, to) of C, one row at a time as a sequence of axpys in ascending k. */
    static void plainRows(double[] a, int rowStride, int depthStride, double[] b, double[] c,
            int depth, int n, int from, int to) {
        for (int i = from; i < to; i++) {
            int ci = i * n;
            int ai = i * rowStride;
            double first = a[ai];
            for (int j = 0; j < n; j++) {
                c[ci + j] = first * b[j];
            }
            for (int k = 1; k < depth; k++) {
                double aik = a[ai + k * depthStride];
                int bk = k * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += aik * b[bk + j];
                }
            }
        }
    }
}
