package kgan.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The products sum every entry in ascending k with one multiply and one add per term, so
 * they must equal a naive triple loop in that order bit for bit, whatever the blocking, the
 * vector lanes or the split between threads. Exact equality is the derived tolerance: any
 * difference would be a change of summation order.
 */
class ProductsTest {

    /**
     * Shapes that reach every remainder of the 4-row and two-vector blocks, and of the packed
     * blocks (64 rows, 256 deep, 128 columns): {70, 600, 141} has a row strip, a k block and
     * a column block cut short, and columns outside every panel.
     */
    private static final int[][] SHAPES = {
        {1, 1, 1}, {3, 5, 2}, {4, 8, 8}, {5, 7, 9}, {7, 3, 17}, {9, 33, 15}, {13, 6, 1},
        {64, 40, 70}, {300, 90, 130}, {512, 2, 512}, {37, 300, 2}, {70, 64, 3},
        {70, 600, 141}, {131, 257, 16},
    };

    private static double naive(DMatrixRMaj a, DMatrixRMaj b, int i, int j, boolean transA,
            boolean transB) {
        int depth = transA ? a.numRows : a.numCols;
        double s = 0;
        for (int k = 0; k < depth; k++) {
            double aik = transA ? a.get(k, i) : a.get(i, k);
            double bkj = transB ? b.get(j, k) : b.get(k, j);
            s = k == 0 ? aik * bkj : s + aik * bkj;
        }
        return s;
    }

    private static void assertNaive(DMatrixRMaj c, DMatrixRMaj a, DMatrixRMaj b,
            boolean transA, boolean transB) {
        for (int i = 0; i < c.numRows; i++) {
            for (int j = 0; j < c.numCols; j++) {
                double expected = naive(a, b, i, j, transA, transB);
                assertThat(c.get(i, j)).as("entry (%d, %d)", i, j).isEqualTo(expected);
            }
        }
    }

    @Test
    void everyProductEqualsTheNaiveLoopBitForBit() {
        Rng rng = new Rng(11);
        for (int[] s : SHAPES) {
            DMatrixRMaj a = rng.gaussian(s[0], s[1]);
            DMatrixRMaj b = rng.gaussian(s[1], s[2]);
            DMatrixRMaj at = Dense.transpose(a);
            DMatrixRMaj bt = Dense.transpose(b);

            assertNaive(Dense.mult(a, b), a, b, false, false);
            assertNaive(Dense.multTransA(at, b), at, b, true, false);
            assertNaive(Dense.multTransB(a, bt), a, bt, false, true);
        }
    }

    @Test
    void thePlainAndTheVectorKernelsAgreeBitForBit() {
        // The build runs the tests with the Vector API module, so the two kernels differ here.
        assertThat(Products.vectorised()).isTrue();
        Rng rng = new Rng(12);
        for (int[] s : SHAPES) {
            DMatrixRMaj a = rng.gaussian(s[0], s[1]);
            DMatrixRMaj b = rng.gaussian(s[1], s[2]);
            DMatrixRMaj at = Dense.transpose(a);
            double[] plain = new double[s[0] * s[2]];
            double[] plainTransA = new double[s[0] * s[2]];
            Products.plainRows(a.data, s[1], 1, b.data, plain, s[1], s[2], 0, s[0]);
            Products.plainRows(at.data, 1, s[0], b.data, plainTransA, s[1], s[2], 0, s[0]);

            assertThat(Dense.mult(a, b).data).containsExactly(plain);
            assertThat(Dense.multTransA(at, b).data).containsExactly(plainTransA);
        }
    }

    @Test
    void largeProductsSplitAcrossThreadsGiveTheSameBits() {
        Rng rng = new Rng(13);
        DMatrixRMaj a = rng.gaussian(517, 131);
        DMatrixRMaj b = rng.gaussian(131, 66);
        assertThat((long) a.numRows * a.numCols * b.numCols)
                .isGreaterThanOrEqualTo(Products.PARALLEL_WORK);
        double[] oneThread = new double[517 * 66];
        Products.plainRows(a.data, 131, 1, b.data, oneThread, 131, 66, 0, 517);

        assertThat(Dense.mult(a, b).data).containsExactly(oneThread);
    }

    @Test
    void anEmptySumIsZeroAndAnAliasedOutputIsRefused() {
        DMatrixRMaj a = new DMatrixRMaj(3, 0);
        DMatrixRMaj b = new DMatrixRMaj(0, 2);
        DMatrixRMaj square = Dense.filled(2, 2, 1.0);

        assertThat(Dense.mult(a, b).data).containsOnly(0.0);
        assertThatThrownBy(() -> Dense.mult(square, square, square))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mult");
    }
}
