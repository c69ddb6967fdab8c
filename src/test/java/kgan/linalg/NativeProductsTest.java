package kgan.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Dense's three products on the system's BLAS against the Java kernels, to the rounding bound
 * of a depth-K sum ({@link RoundingBound}). Needs libblas.so.3: tagged native, run by the
 * native-blas Maven profile only.
 */
@Tag("native")
class NativeProductsTest {

    @AfterEach
    void backToTheJavaKernels() {
        ProductBackend.use(ProductBackend.JAVA);
    }

    private static double[][] products(ProductBackend backend, DMatrixRMaj a, DMatrixRMaj at,
            DMatrixRMaj b, DMatrixRMaj bt) {
        ProductBackend.use(backend);
        assertThat(ProductBackend.active()).isEqualTo(backend);
        return new double[][] {
            Dense.mult(a, b).data, Dense.multTransA(at, b).data, Dense.multTransB(a, bt).data,
        };
    }

    @Test
    void everyProductIsWithinRoundingOfTheJavaKernels() {
        Rng rng = new Rng(31);
        int[][] shapes = java.util.Arrays.copyOf(ProductBackendTest.SHAPES,
                ProductBackendTest.SHAPES.length + 1);
        // The step's generator first layer, large enough for OpenBLAS to use its threads.
        shapes[shapes.length - 1] = new int[] {512, 256, 128};
        for (int[] s : shapes) {
            DMatrixRMaj a = rng.gaussian(s[0], s[1]);
            DMatrixRMaj b = rng.gaussian(s[1], s[2]);
            DMatrixRMaj at = Dense.transpose(a);
            DMatrixRMaj bt = Dense.transpose(b);

            double[][] java = products(ProductBackend.JAVA, a, at, b, bt);
            double[][] blas = products(ProductBackend.NATIVE, a, at, b, bt);

            for (int p = 0; p < 3; p++) {
                RoundingBound.assertWithin(blas[p], java[p], a, b);
            }
        }
    }
}
