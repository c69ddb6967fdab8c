package kgan.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.JavaBLAS;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The mapping of a row-major, strided product onto column-major dgemm, checked with netlib's
 * pure-Java BLAS through the same adapter the native backend uses, so that it runs without
 * the system's library; and the selection's messages for values it cannot use.
 */
class ProductBackendTest {

    /** Odd and even sizes, vectors (1 row, 1 column, depth 1) and the step's narrow shapes. */
    static final int[][] SHAPES = {
        {1, 1, 1}, {1, 7, 1}, {3, 5, 2}, {5, 1, 4}, {7, 3, 17}, {9, 33, 15}, {13, 6, 1},
        {1, 12, 9}, {64, 40, 70}, {37, 300, 2}, {131, 257, 16},
    };

    /**
     * netlib's Java BLAS (its Vector API one under the tests' JVM options). netlib builds its
     * instances once, and its builder tries to load the system's library too (where that is
     * missing it logs one warning); only the Java instance is used here.
     */
    private static final BLAS REFERENCE = JavaBLAS.getInstance();

    /** c = A B through the adapter, A read with the given strides; fails if it declines. */
    private static double[] throughDgemm(double[] a, int rowStride, int depthStride,
            double[] b, int m, int depth, int n) {
        double[] c = new double[m * n];
        java.util.Arrays.fill(c, Double.NaN);
        assertThat(ProductBackend.dgemm(REFERENCE, a, rowStride, depthStride, b, c, m, depth,
                n)).as("the adapter takes strides (%d, %d)", rowStride, depthStride).isTrue();
        return c;
    }

    @Test
    void aPlainProductMapsOntoDgemm() {
        Rng rng = new Rng(21);
        for (int[] s : SHAPES) {
            DMatrixRMaj a = rng.gaussian(s[0], s[1]);
            DMatrixRMaj b = rng.gaussian(s[1], s[2]);

            double[] c = throughDgemm(a.data, s[1], 1, b.data, s[0], s[1], s[2]);

            RoundingBound.assertWithin(c, Dense.mult(a, b).data, a, b);
        }
    }

    @Test
    void aTransposedFirstFactorMapsOntoDgemm() {
        Rng rng = new Rng(22);
        for (int[] s : SHAPES) {
            DMatrixRMaj stored = rng.gaussian(s[1], s[0]);
            DMatrixRMaj b = rng.gaussian(s[1], s[2]);

            // Aᵀ B with A stored depth×m: a(i, k) = stored[k·m + i], as Dense.multTransA reads.
            double[] c = throughDgemm(stored.data, 1, s[0], b.data, s[0], s[1], s[2]);

            RoundingBound.assertWithin(c, Dense.multTransA(stored, b).data,
                    Dense.transpose(stored), b);
        }
    }

    @Test
    void aTransposedSecondFactorMapsOntoDgemm() {
        Rng rng = new Rng(23);
        for (int[] s : SHAPES) {
            DMatrixRMaj a = rng.gaussian(s[0], s[1]);
            DMatrixRMaj stored = rng.gaussian(s[2], s[1]);

            // A Bᵀ reaches the products as A (Bᵀ), Bᵀ copied first, as Dense.multTransB does.
            DMatrixRMaj bt = Dense.transpose(stored);
            double[] c = throughDgemm(a.data, s[1], 1, bt.data, s[0], s[1], s[2]);

            RoundingBound.assertWithin(c, Dense.multTransB(a, stored).data, a, bt);
        }
    }

    @Test
    void leadingDimensionsLongerThanTheRowsAreReadAsStrides() {
        // A inside wider arrays: rows of depth + 3 entries, or Aᵀ's rows of m + 5, so that a
        // leading dimension mistaken for depth or m reads the wrong entries.
        Rng rng = new Rng(24);
        for (int[] s : SHAPES) {
            int m = s[0];
            int depth = s[1];
            DMatrixRMaj a = rng.gaussian(m, depth);
            DMatrixRMaj b = rng.gaussian(depth, s[2]);
            DMatrixRMaj expected = Dense.mult(a, b);

            double[] padded = rng.gaussian(m, depth + 3).data;
            double[] transposedPadded = rng.gaussian(depth, m + 5).data;
            for (int i = 0; i < m; i++) {
                for (int k = 0; k < depth; k++) {
                    padded[i * (depth + 3) + k] = a.get(i, k);
                    transposedPadded[k * (m + 5) + i] = a.get(i, k);
                }
            }

            RoundingBound.assertWithin(throughDgemm(padded, depth + 3, 1, b.data, m, depth,
                    s[2]), expected.data, a, b);
            RoundingBound.assertWithin(throughDgemm(transposedPadded, 1, m + 5, b.data, m,
                    depth, s[2]), expected.data, a, b);
        }
    }

    @Test
    void stridesOfNeitherLayoutAndEmptyProductsAreLeftToTheJavaKernels() {
        double[] a = new double[64];
        double[] b = new double[64];
        double[] c = {7.0};

        // Every other entry of every other row: no leading dimension describes it.
        assertThat(ProductBackend.dgemm(REFERENCE, a, 8, 2, b, c, 1, 3, 1)).isFalse();
        assertThat(ProductBackend.dgemm(REFERENCE, a, 4, 1, b, c, 1, 0, 1)).isFalse();
        assertThat(c).containsExactly(7.0);
    }

    @Test
    void anUnknownValueNamesTheSettingAndWhatIsExpected() {
        assertThatThrownBy(() -> ProductBackend.select("fast", "native", ProductBackendTest::fail))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("system property kgan.blas is \"fast\"; expected java (kgan's own "
                        + "products, the default) or native (the system's BLAS)");
        assertThatThrownBy(() -> ProductBackend.select(null, "openblas", ProductBackendTest::fail))
                .hasMessageStartingWith("environment variable KGAN_BLAS is \"openblas\"; "
                        + "expected java");
        assertThat(ProductBackend.active()).isEqualTo(ProductBackend.JAVA);
    }

    @Test
    void aMissingLibrarySaysHowToGetIt() {
        assertThatThrownBy(() -> ProductBackend.select(null, "native", ProductBackendTest::fail))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("environment variable KGAN_BLAS is \"native\", but the system's "
                        + "BLAS did not load: it needs libblas.so.3 (on Debian: apt-get "
                        + "install libopenblas0-pthread); java, the default, needs nothing");
        assertThat(ProductBackend.active()).isEqualTo(ProductBackend.JAVA);
    }

    @Test
    void thePropertyWinsAndJavaIsTheDefault() {
        assertThat(ProductBackend.select("java", "native", ProductBackendTest::fail))
                .isEqualTo(ProductBackend.JAVA);
        assertThat(ProductBackend.select(null, null, ProductBackendTest::fail))
                .isEqualTo(ProductBackend.JAVA);
        assertThat(ProductBackend.select(" ", " Java ", ProductBackendTest::fail))
                .isEqualTo(ProductBackend.JAVA);
    }

    @Test
    void aBadSystemPropertyIsRefusedWhenTheSettingsAreRead() {
        String before = System.getProperty(ProductBackend.PROPERTY);
        try {
            System.setProperty(ProductBackend.PROPERTY, "blas");

            assertThatThrownBy(ProductBackend::selectFromSettings)
                    .hasMessageStartingWith("system property kgan.blas is \"blas\"; expected");
        } finally {
            restore(before);
        }
        assertThat(ProductBackend.active()).isEqualTo(ProductBackend.JAVA);
    }

    private static void restore(String value) {
        if (value == null) {
            System.clearProperty(ProductBackend.PROPERTY);
        } else {
            System.setProperty(ProductBackend.PROPERTY, value);
        }
    }

    /** A loader standing for a machine without libblas.so.3, as netlib reports it there. */
    private static BLAS fail() {
        throw new RuntimeException("Unable to load native implementation");
    }
}
