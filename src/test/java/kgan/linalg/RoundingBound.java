package kgan.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import org.ejml.data.DMatrixRMaj;

/**
 * How far apart two computations of C = A B may be when they sum in different orders.
 *
 * <p>A depth-K sum of products computed in floating point, in any order and with or without
 * fused multiply-adds, is within γ_K Σ_k |a_ik b_kj| of the exact sum, γ_K = K u / (1 − K u),
 * u = 2⁻⁵³: each term meets at most one rounding of its product and K − 1 of the additions.
 * Two such results are within twice that of each other. |A||B| is itself computed with
 * non-negative terms only, so it is at least (1 − γ_K) times its exact value; dividing by
 * that factor keeps the bound a bound.
 */
final class RoundingBound {

    private static final double U = 0x1p-53;

    private RoundingBound() {
    }

    /** Asserts |c − ĉ| ≤ 2 γ_K (|A||B|)_ij / (1 − γ_K) for every entry of the m×n results. */
    static void assertWithin(double[] c, double[] expected, DMatrixRMaj a, DMatrixRMaj b) {
        int depth = a.numCols;
        double gamma = depth * U / (1 - depth * U);
        DMatrixRMaj absProduct = Dense.mult(abs(a), abs(b));
        assertThat(c).hasSameSizeAs(absProduct.data);
        for (int e = 0; e < expected.length; e++) {
            double bound = 2 * gamma * absProduct.data[e] / (1 - gamma);
            assertThat(Math.abs(c[e] - expected[e])).as("entry %d of %d", e, expected.length)
                    .isLessThanOrEqualTo(bound);
        }
    }

    private static DMatrixRMaj abs(DMatrixRMaj m) {
        DMatrixRMaj out = m.copy();
        for (int e = 0; e < out.data.length; e++) {
            out.data[e] = Math.abs(out.data[e]);
        }
        return out;
    }
}
