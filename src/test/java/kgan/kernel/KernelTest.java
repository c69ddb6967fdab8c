package kgan.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import kgan.autodiff.Autodiff;
import kgan.autodiff.GradientCheck;
import kgan.autodiff.Ops;
import kgan.autodiff.Tensor;
import kgan.linalg.Dense;
import kgan.linalg.Rng;

class KernelTest {

    /**
     * The hand computations below evaluate the same exp on the same exactly representable
     * argument as the kernels (integer squared distances times −1/2 or −1/8), or at worst
     * differ by Math.pow's 1 ulp against a correctly rounded square root and division: at
     * most 3 ulps of a number below 1, i.e. 3 · 2⁻⁵² ≈ 6.7e-16 relative, under 1e-15.
     */
    private static final double HAND_RELATIVE = 1e-15;

    static Stream<Kernel> kernels() {
        return Stream.of(new GaussianKernel(0.8), new GaussianMixtureKernel(0.5, 1.0, 2.0),
                new InverseMultiquadricKernel(0.7));
    }

    // x = {0, 1} and y = {1, 3} in one dimension: squared distances [[1, 9], [0, 4]].
    private static final DMatrixRMaj X = Dense.of(2, 1, 0, 1);
    private static final DMatrixRMaj Y = Dense.of(2, 1, 1, 3);
    private static final double[] SQUARED_DISTANCES = {1, 9, 0, 4};

    @Test
    void gaussianGramByHand() {
        double[] expected = new double[4];
        for (int e = 0; e < 4; e++) {
            expected[e] = Math.exp(-SQUARED_DISTANCES[e] / 2);
        }

        assertGram(new GaussianKernel(1.0), expected);
    }

    @Test
    void gaussianMixtureGramIsTheMeanOverBandwidths() {
        double[] expected = new double[4];
        for (int e = 0; e < 4; e++) {
            double t = SQUARED_DISTANCES[e];
            expected[e] = (Math.exp(-t / 2) + Math.exp(-t / 8)) / 2;
        }

        assertGram(new GaussianMixtureKernel(1.0, 2.0), expected);
    }

    @Test
    void inverseMultiquadricGramByHand() {
        double[] expected = new double[4];
        for (int e = 0; e < 4; e++) {
            expected[e] = 1 / Math.sqrt(4 + SQUARED_DISTANCES[e]);
        }

        assertGram(new InverseMultiquadricKernel(2.0), expected);
    }

    private static void assertGram(Kernel kernel, double[] expected) {
        DMatrixRMaj tensorGram = kernel.gram(Tensor.constant(X), Tensor.constant(Y)).value();
        DMatrixRMaj plainGram = kernel.gram(X, Y);

        for (int e = 0; e < 4; e++) {
            double tolerance = HAND_RELATIVE * Math.abs(expected[e]);
            assertThat(tensorGram.data[e]).as("%s entry %d", kernel, e)
                    .isCloseTo(expected[e], within(tolerance));
            assertThat(plainGram.data[e]).as("%s plain entry %d", kernel, e)
                    .isCloseTo(expected[e], within(tolerance));
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void plainGramRepeatsTheTensorGramExactly(Kernel kernel) {
        // Both paths perform the same floating-point operations in the same order.
        Rng rng = new Rng(11);
        DMatrixRMaj x = rng.gaussian(7, 3);
        DMatrixRMaj y = rng.gaussian(5, 3);

        DMatrixRMaj plain = kernel.gram(x, y);
        DMatrixRMaj tensor = kernel.gram(Tensor.constant(x), Tensor.constant(y)).value();

        assertThat(plain.numRows).isEqualTo(7);
        assertThat(plain.numCols).isEqualTo(5);
        assertThat(plain.data).containsExactly(Arrays.copyOf(tensor.data, 35));
    }

    // ----- derivatives ----------------------------------------------------------------------

    /** Random 2-D points, with x_0 = y_1 exactly and x_2 = y_0 exactly. */
    private static List<DMatrixRMaj> pointsWithCoincidences() {
        Rng rng = new Rng(5);
        DMatrixRMaj x = rng.gaussian(4, 2);
        DMatrixRMaj y = rng.gaussian(3, 2);
        for (int k = 0; k < 2; k++) {
            y.set(1, k, x.get(0, k));
            y.set(0, k, x.get(2, k));
        }
        return List.of(x, y);
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void gramFirstAndSecondDerivativesMatchDifferences(Kernel kernel) {
        List<DMatrixRMaj> points = pointsWithCoincidences();

        var first = GradientCheck.firstOrder(xs -> kernel.gram(xs.get(0), xs.get(1)),
                points, 21);
        var second = GradientCheck.secondOrder(xs -> kernel.gram(xs.get(0), xs.get(1)),
                points, 22);

        assertThat(first.passed()).as(first.toString()).isTrue();
        assertThat(second.passed()).as(second.toString()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void gramOfASetWithItselfDifferentiatesTwice(Kernel kernel) {
        List<DMatrixRMaj> points = List.of(pointsWithCoincidences().get(0));

        var first = GradientCheck.firstOrder(xs -> kernel.gram(xs.get(0), xs.get(0)),
                points, 23);
        var second = GradientCheck.secondOrder(xs -> kernel.gram(xs.get(0), xs.get(0)),
                points, 24);

        assertThat(first.passed()).as(first.toString()).isTrue();
        assertThat(second.passed()).as(second.toString()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void derivativesAreFiniteAndZeroWhereAllPointsCoincide(Kernel kernel) {
        // k(x, y) is smooth in x − y with a maximum at 0, so at x = y its gradient is 0.
        DMatrixRMaj point = Dense.of(1, 3, 0.3, -1.2, 2.5);
        Tensor x = Tensor.parameter(point.copy());
        Tensor y = Tensor.parameter(point.copy());

        Tensor k = Ops.sum(kernel.gram(x, y));
        List<Tensor> grads = Autodiff.grad(k, List.of(x, y), true);
        Tensor curvature = Ops.sum(Ops.square(grads.get(0)));
        List<Tensor> second = Autodiff.grad(Ops.add(curvature, Ops.sum(grads.get(1))),
                List.of(x, y), false);

        for (Tensor g : grads) {
            assertThat(g.value().data).containsOnly(0.0);
        }
        for (Tensor g : second) {
            assertThat(Dense.isFinite(g.value())).isTrue();
        }
    }

    // ----- arguments ------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -1.5, Double.NaN, Double.POSITIVE_INFINITY})
    void nonPositiveOrInfiniteParametersAreRejectedByName(double bad) {
        assertThatThrownBy(() -> new GaussianKernel(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bandwidth = " + bad)
                .hasMessageContaining("positive, finite");
        assertThatThrownBy(() -> new GaussianMixtureKernel(1.0, bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bandwidths[1] = " + bad)
                .hasMessageContaining("positive, finite");
        assertThatThrownBy(() -> new InverseMultiquadricKernel(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("c = " + bad)
                .hasMessageContaining("positive, finite");
    }

    @Test
    void mixtureNeedsABandwidth() {
        assertThatThrownBy(GaussianMixtureKernel::new)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no bandwidths");
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void dimensionMismatchNamesBothShapes(Kernel kernel) {
        DMatrixRMaj x = Dense.zeros(3, 2);
        DMatrixRMaj y = Dense.zeros(4, 5);

        assertThatThrownBy(() -> kernel.gram(Tensor.constant(x), Tensor.constant(y)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3×2").hasMessageContaining("4×5");
        assertThatThrownBy(() -> kernel.gram(x, y))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3×2").hasMessageContaining("4×5");
    }

    @Test
    void describeNamesTheKernelAndItsParameters() {
        assertThat(new GaussianKernel(0.5).describe()).isEqualTo("gaussian(bandwidth=0.5)");
        assertThat(new GaussianMixtureKernel(0.5, 2.0).describe())
                .isEqualTo("gaussianMixture(bandwidths=[0.5, 2.0])");
        assertThat(new InverseMultiquadricKernel(1.0).describe())
                .isEqualTo("inverseMultiquadric(c=1.0)");
    }
}
