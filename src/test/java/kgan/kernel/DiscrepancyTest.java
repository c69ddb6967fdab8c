package kgan.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import kgan.autodiff.Autodiff;
import kgan.autodiff.GradientCheck;
import kgan.autodiff.Ops;
import kgan.autodiff.Tensor;
import kgan.linalg.Dense;
import kgan.linalg.Rng;

class DiscrepancyTest {

    /**
     * u = 2⁻⁵³, the unit roundoff. The hand examples below are built from at most eight
     * kernel values (each Math.exp off by at most 1 ulp ≤ 2u) through fewer than 16 further
     * roundings on the longest path, in the code and again in the hand formula: together
     * fewer than 48 roundings, each at most u times the magnitude S of the terms it touches.
     * The tolerance is 48 u S, with S an upper bound on the terms each result is made of;
     * it ranges from 1.1e-14 to 1.3e-13 of the results (the widest for a variance of 0.09
     * built from kernel values near 1), while any wrong normalisation (n for n − 1, a
     * missing diagonal, a sign) would be off by more than 1e-2 of them.
     */
    private static final double ROUNDINGS = 48 * 0x1p-53;

    private static final double E1 = Math.exp(-0.5);
    private static final double E4 = Math.exp(-2.0);
    private static final double E9 = Math.exp(-4.5);

    private static final Kernel GAUSSIAN = new GaussianKernel(1.0);

    private static Tensor column(double... values) {
        return Tensor.constant(Dense.of(values.length, 1, values));
    }

    private static void assertHand(Tensor actual, double expected, double magnitude) {
        assertHand(actual.item(), expected, magnitude);
    }

    private static void assertHand(double actual, double expected, double magnitude) {
        assertThat(actual).isCloseTo(expected, within(ROUNDINGS * magnitude));
    }

    // ----- a hand example: X = {0, 1}, Y = {2} in one dimension, Gaussian kernel, σ = 1 -----
    // k = exp(−t/2) at squared distance t: Kxx = [[1, e1], [e1, 1]], Kyy = [1], Kxy = [e4, e1].

    @Test
    void biasedMmd2ByHandForTwoPointsAgainstOne() {
        Tensor x = column(0, 1);
        Tensor y = column(2);

        // (2 + 2e1)/4 + 1/1 − 2(e4 + e1)/2
        double expected = 1.5 - 0.5 * E1 - E4;
        double magnitude = (2 + 2 * E1) / 4 + 1 + (E1 + E4);

        assertHand(Discrepancy.mmd2Biased(GAUSSIAN, x, y), expected, magnitude);
        assertHand(Discrepancy.mmd2Biased(GAUSSIAN, x.value(), y.value()), expected, magnitude);
    }

    @Test
    void meanEmbeddingAndWitnessByHandForTwoPointsAgainstOne() {
        Tensor x = column(0, 1);
        Tensor y = column(2);
        Tensor v = column(0, 2);

        // μ_X(0) = (1 + e1)/2, μ_X(2) = (e4 + e1)/2; μ_Y(0) = e4, μ_Y(2) = 1.
        Tensor embedding = Discrepancy.meanEmbedding(GAUSSIAN, x, v);
        Tensor witness = Discrepancy.witness(GAUSSIAN, x, y, v);

        assertThat(embedding.rows()).isEqualTo(2);
        assertThat(embedding.cols()).isEqualTo(1);
        assertHand(embedding.value().get(0), (1 + E1) / 2, 1 + E1);
        assertHand(embedding.value().get(1), (E4 + E1) / 2, E4 + E1);
        assertHand(witness.value().get(0), (1 + E1) / 2 - E4, 1 + E1 + E4);
        assertHand(witness.value().get(1), (E4 + E1) / 2 - 1, 1 + E1 + E4);
    }

    @Test
    void localDiscrepancyByHandForTwoPointsAgainstOne() {
        Tensor x = column(0, 1);
        Tensor y = column(2);
        Tensor v = column(0, 2);
        double w0 = (1 + E1) / 2 - E4;
        double w2 = (E4 + E1) / 2 - 1;

        Tensor uniform = Discrepancy.localDiscrepancy(GAUSSIAN, x, y, v);
        Tensor weighted = Discrepancy.localDiscrepancy(GAUSSIAN, x, y, v, new double[] {0.25, 2});

        // |w(v)| ≤ 1 + e1 + e4 < 2, so the squares are below 4 and the weighted sum below 8.
        assertHand(uniform, (w0 * w0 + w2 * w2) / 2, 4);
        assertHand(weighted, 0.25 * w0 * w0 + 2 * w2 * w2, 8);
    }

    // ----- a second example: X = {0, 1}, Y = {2, 3}, V = {0, 2}; two points each --------------
    // Kxx = Kyy = [[1, e1], [e1, 1]], Kxy = [[e4, e9], [e1, e4]].

    @Test
    void unbiasedMmd2ByHandForTwoPointsAgainstTwo() {
        Tensor x = column(0, 1);
        Tensor y = column(2, 3);

        // 2e1/2 + 2e1/2 − 2(e1 + 2e4 + e9)/4
        double expected = 1.5 * E1 - E4 - 0.5 * E9;
        double magnitude = 2 * E1 + (E1 + 2 * E4 + E9) / 2;

        assertHand(Discrepancy.mmd2Unbiased(GAUSSIAN, x, y), expected, magnitude);
        assertHand(Discrepancy.mmd2Unbiased(GAUSSIAN, x.value(), y.value()), expected,
                magnitude);
    }

    @Test
    void witnessVarianceAndNormalisedLocalDiscrepancyByHand() {
        Grams grams = Grams.of(GAUSSIAN, column(0, 1), column(2, 3), column(0, 2));
        double gamma = 0.25;

        // At v = 0: k(X, 0) = {1, e1}, k(Y, 0) = {e4, e9}. At v = 2: {e4, e1} and {1, e1}.
        // Two values a, b have sample variance (a − b)²/2, and σ̂² = s_X²/2 + s_Y²/2.
        double w0 = (1 + E1) / 2 - (E4 + E9) / 2;
        double w2 = (E4 + E1) / 2 - (1 + E1) / 2;
        double variance0 = (sq(1 - E1) + sq(E4 - E9)) / 4;
        double variance2 = (sq(E1 - E4) + sq(1 - E1)) / 4;
        double expected = (sq(w0) / (variance0 + gamma) + sq(w2) / (variance2 + gamma)) / 2;

        Tensor variance = Discrepancy.witnessVariance(grams);
        Tensor normalised = Discrepancy.normalisedLocalDiscrepancy(grams,
                new double[] {0.5, 0.5}, gamma);

        // Kernel values are at most 1; the quotients are below 4 (w² < 1, σ̂² + γ > 1/4).
        assertHand(variance.value().get(0), variance0, 1);
        assertHand(variance.value().get(1), variance2, 1);
        assertHand(normalised, expected, 4);
    }

    private static double sq(double a) {
        return a * a;
    }

    // ----- derivatives ---------------------------------------------------------------------

    static Stream<Kernel> kernels() {
        return KernelTest.kernels();
    }

    /**
     * Random X (5×2), Y (4×2) and V (3×2) with coinciding points: y_0 = x_0, y_2 = x_3 and
     * v_1 = x_1 exactly.
     */
    private static List<DMatrixRMaj> samples() {
        Rng rng = new Rng(17);
        DMatrixRMaj x = rng.gaussian(5, 2);
        DMatrixRMaj y = rng.gaussian(4, 2);
        DMatrixRMaj v = rng.gaussian(3, 2);
        for (int k = 0; k < 2; k++) {
            y.set(0, k, x.get(0, k));
            y.set(2, k, x.get(3, k));
            v.set(1, k, x.get(1, k));
        }
        return List.of(x, y, v);
    }

    static Stream<Arguments> statistics() {
        double[] weights = {0.2, 1.5, 0.0};
        Stream.Builder<Arguments> cases = Stream.builder();
        kernels().forEach(k -> {
            cases.add(Arguments.of(k, "mmd2Biased",
                    f(xs -> Discrepancy.mmd2Biased(k, xs.get(0), xs.get(1)))));
            cases.add(Arguments.of(k, "mmd2Unbiased",
                    f(xs -> Discrepancy.mmd2Unbiased(k, xs.get(0), xs.get(1)))));
            cases.add(Arguments.of(k, "meanEmbedding",
                    f(xs -> Discrepancy.meanEmbedding(k, xs.get(0), xs.get(2)))));
            cases.add(Arguments.of(k, "witness",
                    f(xs -> Discrepancy.witness(k, xs.get(0), xs.get(1), xs.get(2)))));
            cases.add(Arguments.of(k, "localDiscrepancy",
                    f(xs -> Discrepancy.localDiscrepancy(k, xs.get(0), xs.get(1), xs.get(2),
                            weights))));
            cases.add(Arguments.of(k, "normalisedLocalDiscrepancy",
                    f(xs -> Discrepancy.normalisedLocalDiscrepancy(
                            Grams.of(k, xs.get(0), xs.get(1), xs.get(2)), weights, 0.01))));
        });
        return cases.build();
    }

    private static Function<List<Tensor>, Tensor> f(Function<List<Tensor>, Tensor> f) {
        return f;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("statistics")
    void firstAndSecondDerivativesInXYAndVMatchDifferences(Kernel kernel, String name,
            Function<List<Tensor>, Tensor> statistic) {
        List<DMatrixRMaj> samples = samples();

        var first = GradientCheck.firstOrder(statistic, samples, 31);
        var second = GradientCheck.secondOrder(statistic, samples, 32);

        assertThat(first.passed()).as(first.toString()).isTrue();
        assertThat(second.passed()).as(second.toString()).isTrue();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("statistics")
    void derivativesAreFiniteWhenTheSamplesAreEqual(Kernel kernel, String name,
            Function<List<Tensor>, Tensor> statistic) {
        // Y = X and V ⊂ X: every point coincides with another, as at the equilibrium P = Q.
        DMatrixRMaj x = samples().get(0);
        List<Tensor> xs = List.of(Tensor.parameter(x.copy()), Tensor.parameter(x.copy()),
                Tensor.parameter(Dense.rows(x, 1, 4)));

        Tensor value = statistic.apply(xs);
        List<Tensor> grads = Autodiff.grad(Ops.sum(value), xs, true);
        Tensor gradNorm = Tensor.scalar(0.0);
        for (Tensor g : grads) {
            gradNorm = Ops.add(gradNorm, Ops.sum(Ops.square(g)));
        }
        List<Tensor> hessianTerms = Autodiff.grad(gradNorm, xs, false);

        for (Tensor g : grads) {
            assertThat(Dense.isFinite(g.value())).as("gradient").isTrue();
        }
        for (Tensor g : hessianTerms) {
            assertThat(Dense.isFinite(g.value())).as("second derivative").isTrue();
        }
    }

    // ----- sharing Gram matrices -----------------------------------------------------------

    /** Counts its Gram matrices, to show that a Grams computes each one once. */
    private static final class CountingKernel implements Kernel {
        int grams;

        @Override
        public Tensor gram(Tensor x, Tensor y) {
            grams++;
            return GAUSSIAN.gram(x, y);
        }

        @Override
        public DMatrixRMaj gram(DMatrixRMaj x, DMatrixRMaj y) {
            grams++;
            return GAUSSIAN.gram(x, y);
        }

        @Override
        public String describe() {
            return "counting " + GAUSSIAN.describe();
        }
    }

    @Test
    void sharedGramsComputeEachKernelMatrixOnceAndGiveTheSameValues() {
        List<DMatrixRMaj> s = samples();
        Tensor x = Tensor.constant(s.get(0));
        Tensor y = Tensor.constant(s.get(1));
        Tensor v = Tensor.constant(s.get(2));
        CountingKernel counting = new CountingKernel();
        Grams grams = Grams.of(counting, x, y, v);

        Tensor witness = Discrepancy.witness(grams);
        Tensor local = Discrepancy.localDiscrepancy(grams);
        Tensor normalised = Discrepancy.normalisedLocalDiscrepancy(grams,
                Discrepancy.uniformWeights(3), 0.01);
        assertThat(counting.grams).as("Kvx and Kvy only").isEqualTo(2);
        Tensor biased = Discrepancy.mmd2Biased(grams);
        Tensor unbiased = Discrepancy.mmd2Unbiased(grams);

        assertThat(counting.grams).isEqualTo(5);
        assertThat(grams.kxx()).isSameAs(grams.kxx());
        assertThat(witness.value().data)
                .containsExactly(Discrepancy.witness(GAUSSIAN, x, y, v).value().data);
        assertThat(local.item())
                .isEqualTo(Discrepancy.localDiscrepancy(GAUSSIAN, x, y, v).item());
        assertThat(normalised.item()).isEqualTo(Discrepancy.normalisedLocalDiscrepancy(
                GAUSSIAN, x, y, v, 0.01).item());
        assertThat(biased.item()).isEqualTo(Discrepancy.mmd2Biased(GAUSSIAN, x, y).item());
        assertThat(unbiased.item()).isEqualTo(Discrepancy.mmd2Unbiased(GAUSSIAN, x, y).item());
    }

    // ----- arguments -----------------------------------------------------------------------

    @Test
    void dimensionMismatchNamesTheShapes() {
        Tensor x = Tensor.constant(Dense.zeros(3, 2));
        Tensor y = Tensor.constant(Dense.zeros(4, 5));
        Tensor v = Tensor.constant(Dense.zeros(2, 7));

        assertThatThrownBy(() -> Discrepancy.mmd2Biased(GAUSSIAN, x, y))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3×2").hasMessageContaining("4×5");
        assertThatThrownBy(() -> Discrepancy.mmd2Unbiased(GAUSSIAN, x.value(), y.value()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3×2").hasMessageContaining("4×5");
        assertThatThrownBy(() -> Discrepancy.witness(GAUSSIAN, x, x, v))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3×2").hasMessageContaining("2×7");
        assertThatThrownBy(() -> Discrepancy.meanEmbedding(GAUSSIAN, x, v))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3×2").hasMessageContaining("2×7");
    }

    @Test
    void badWeightsAreRejectedByPosition() {
        Tensor x = Tensor.constant(Dense.zeros(3, 2));
        Tensor v = Tensor.constant(Dense.zeros(2, 2));

        assertThatThrownBy(() -> Discrepancy.localDiscrepancy(GAUSSIAN, x, x, v,
                new double[] {0.5, -0.1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weights[1] = -0.1").hasMessageContaining("≥ 0");
        assertThatThrownBy(() -> Discrepancy.localDiscrepancy(GAUSSIAN, x, x, v,
                new double[] {Double.NaN, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weights[0] = NaN");
        assertThatThrownBy(() -> Discrepancy.localDiscrepancy(GAUSSIAN, x, x, v,
                new double[] {1, 1, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 weights for 2 witness points");
        assertThatThrownBy(() -> Discrepancy.normalisedLocalDiscrepancy(
                Grams.of(GAUSSIAN, x, x, v), new double[] {-1, 1}, 0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weights[0] = -1.0");
    }

    @Test
    void nonPositiveRegulariserIsRejected() {
        Tensor x = Tensor.constant(Dense.zeros(3, 2));
        Tensor v = Tensor.constant(Dense.zeros(2, 2));

        for (double gamma : new double[] {0.0, -1e-3, Double.NaN}) {
            assertThatThrownBy(() -> Discrepancy.normalisedLocalDiscrepancy(GAUSSIAN, x, x, v,
                    gamma))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("gamma = " + gamma);
        }
    }

    @Test
    void estimatorsThatLeaveOutDiagonalsNeedTwoPointsEach() {
        Tensor one = Tensor.constant(Dense.zeros(1, 2));
        Tensor three = Tensor.constant(Dense.zeros(3, 2));
        Tensor v = Tensor.constant(Dense.zeros(2, 2));

        assertThatThrownBy(() -> Discrepancy.mmd2Unbiased(GAUSSIAN, three, one))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n = 3 and m = 1");
        assertThatThrownBy(() -> Discrepancy.mmd2Unbiased(GAUSSIAN, one.value(), three.value()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n = 1 and m = 3");
        assertThatThrownBy(() -> Discrepancy.normalisedLocalDiscrepancy(GAUSSIAN, one, three,
                v, 0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n = 1 and m = 3");
    }

    @Test
    void gramsWithoutWitnessPointsRefuseLocalStatistics() {
        Tensor x = Tensor.constant(Dense.zeros(3, 2));

        assertThatThrownBy(() -> Discrepancy.witness(Grams.of(GAUSSIAN, x, x)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("without witness points");
    }
}
