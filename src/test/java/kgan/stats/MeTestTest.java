package kgan.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import kgan.autodiff.GradientCheck;
import kgan.autodiff.Tensor;
import kgan.linalg.Dense;
import kgan.linalg.Rng;

class MeTestTest {

    /**
     * A hand example in one dimension: pairs x = (0, 1, 2), y = (2, 2, 2), locations
     * v = (0, 2), Gaussian kernel with σ = 1, so k(a, v) = exp(−(a − v)²/2). With e_t =
     * exp(−t/2) the features z_i = (k(x_i, 0) − k(y_i, 0), k(x_i, 2) − k(y_i, 2)) are
     * z_1 = (1 − e4, e4 − 1), z_2 = (e1 − e4, e1 − 1), z_3 = (e4 − e4, 1 − 1) = (0, 0).
     * Then w̄ is their mean, S their covariance with divisor n − 1 = 2, and
     * λ = n w̄ᵀ(S + γI)⁻¹w̄ is written out with the inverse of a 2×2 matrix.
     *
     * <p>Tolerance: both sides take about 40 roundings (u = 2⁻⁵³ each) of terms below 1, and
     * the 2×2 inverse divides by det(S + γI) ≈ 7.5e-4, which magnifies relative errors by
     * at most the condition number of S + γI, here 187 (eigenvalues 0.375 and 0.002). So
     * 40 u · 300 · λ ≈ 1.4e-12 λ bounds the difference; a wrong divisor (n for n − 1) would
     * change λ by a third.
     */
    @Test
    void statisticMatchesAHandComputedExample() {
        double e1 = Math.exp(-0.5);
        double e4 = Math.exp(-2.0);
        double gamma = 1e-3;
        double[] z1 = {1 - e4, e4 - 1};
        double[] z2 = {e1 - e4, e1 - 1};
        double[] z3 = {0, 0};
        double w1 = (z1[0] + z2[0] + z3[0]) / 3;
        double w2 = (z1[1] + z2[1] + z3[1]) / 3;
        double s11 = (sq(z1[0] - w1) + sq(z2[0] - w1) + sq(z3[0] - w1)) / 2 + gamma;
        double s22 = (sq(z1[1] - w2) + sq(z2[1] - w2) + sq(z3[1] - w2)) / 2 + gamma;
        double s12 = ((z1[0] - w1) * (z1[1] - w2) + (z2[0] - w1) * (z2[1] - w2)
                + (z3[0] - w1) * (z3[1] - w2)) / 2;
        double det = s11 * s22 - s12 * s12;
        double lambda = 3 * (w1 * w1 * s22 - 2 * w1 * w2 * s12 + w2 * w2 * s11) / det;

        double actual = MeTest.statistic(Dense.of(3, 1, 0, 1, 2), Dense.of(3, 1, 2, 2, 2),
                Dense.of(2, 1, 0, 2), 1.0, gamma);

        assertThat(det).isBetween(7e-4, 8e-4);
        assertThat(actual).isCloseTo(lambda, within(1.4e-12 * lambda));
    }

    private static double sq(double t) {
        return t * t;
    }

    /**
     * The power criterion's gradient (in the locations and in log σ) is assembled from a
     * numerically solved u held constant; by the envelope theorem it is still the gradient
     * of w̄ᵀ(S + γI)⁻¹w̄, which central differences of the recomputed criterion check (with
     * GradientCheck's derived tolerance).
     */
    @Test
    void powerCriterionGradientMatchesCentralDifferences() {
        Rng rng = new Rng(9);
        Tensor x = Tensor.constant(Samples.gaussian(rng, 15, 2, 0.0));
        Tensor y = Tensor.constant(Samples.gaussian(rng, 15, 2, 0.7));
        DMatrixRMaj v = rng.gaussian(3, 2);
        DMatrixRMaj logBandwidth = Dense.scalar(Math.log(1.2));

        GradientCheck.Report report = GradientCheck.firstOrder(
                inputs -> MeTest.powerCriterion(x, y, inputs.get(0), inputs.get(1), 1e-4),
                List.of(v, logBandwidth), 10);

        assertThat(report.passed()).as(report.toString()).isTrue();
    }

    @Test
    void resultCarriesTheChiSquaredNullAndTheLocations() {
        Rng rng = new Rng(11);
        DMatrixRMaj x = Samples.gaussian(rng, 60, 3, 0.0);
        DMatrixRMaj y = Samples.gaussian(rng, 70, 3, 1.0);

        TestResult r = new MeTest(4, 0.05, 3).perform(x, y);

        ChiSquaredDistribution chi2 = ChiSquaredDistribution.of(4);
        assertThat(r.method()).isEqualTo("me");
        assertThat(r.pValue()).isEqualTo(chi2.survivalProbability(r.statistic()));
        assertThat(r.threshold()).isEqualTo(chi2.inverseSurvivalProbability(0.05));
        assertThat(r.reject()).isEqualTo(r.statistic() > r.threshold());
        assertThat(r.locations()).hasDimensions(4, 3);
        assertThat(r.sampleSizes()).containsExactly(30, 30);
        assertThat(r.bandwidth()).isPositive();

        TestResult again = new MeTest(4, 0.05, 3).perform(x, y);
        assertThat(again.statistic()).isEqualTo(r.statistic());
        assertThat(again.locations()).isDeepEqualTo(r.locations());
    }

    /**
     * The ascent never lowers the training criterion, so optimised locations are at least
     * as good on the training half as the random initial ones (steps = 0 keeps those); on a
     * mean shift it should raise it.
     */
    @Test
    void optimisedLocationsRaiseTheTrainingCriterion() {
        Rng rng = new Rng(12);
        DMatrixRMaj x = Samples.gaussian(rng, 200, 2, 0.0);
        DMatrixRMaj y = Samples.gaussian(rng, 200, 2, 0.5);

        TestResult initial = new MeTest(2, 0.05, 5, MeTest.DEFAULT_GAMMA, 0, true)
                .perform(x, y);
        TestResult optimised = new MeTest(2, 0.05, 5).perform(x, y);

        assertThat(java.util.Arrays.deepEquals(optimised.locations(), initial.locations()))
                .isFalse();
        assertThat(optimised.statistic()).isGreaterThan(initial.statistic());
    }

    /**
     * Under H₀ (both N(0, I₂), n = m = 200, so 100 test pairs, J = 2) λ is asymptotically
     * χ²₂. At n = 100 the finite-sample law of a Hotelling-type statistic,
     * (n − 1)J/(n − J) F(J, n − J), puts about 0.056 rather than 0.05 above the χ²₂ critical
     * value. Over R = 200 repetitions the count must lie in the 99.9% interval of
     * Bin(200, 0.05), [2, 21]; at a true rate of 0.056 it falls outside with probability
     * 0.002.
     */
    @Test
    void typeOneErrorUnderTheNullIsAlpha() {
        int repetitions = 200;
        Rng rng = new Rng(13);
        int rejections = Samples.rejections(repetitions, rng, 200, 0.0,
                r -> new MeTest(2, 0.05, r, MeTest.DEFAULT_GAMMA, 30, true));

        Samples.assertLevel(rejections, repetitions, 0.05);
    }

    /**
     * A shift of 1.5 in one coordinate with 50 test pairs: the paired z-test on that
     * coordinate alone has power Φ(1.5 √(50/2) − 1.645) = Φ(5.86), and two Gaussian features
     * at optimised locations are expected close to it. At least 58 rejections in R = 60 is
     * asserted, the bound of the MMD power test: a power of 0.99 fails it with probability
     * 0.02, a power of 0.9 passes it with probability 0.05.
     */
    @Test
    void powerAgainstAShiftedGaussianExceedsNinetyPercent() {
        int repetitions = 60;
        Rng rng = new Rng(14);
        int rejections = Samples.rejections(repetitions, rng, 100, 1.5,
                r -> new MeTest(2, 0.05, r, MeTest.DEFAULT_GAMMA, 30, true));

        assertThat(rejections).isGreaterThanOrEqualTo(58);
    }

    @Test
    void tooFewPointsNamesHowManyAreNeeded() {
        DMatrixRMaj x = new Rng(15).gaussian(9, 2);

        assertThatThrownBy(() -> new MeTest(4, 0.05, 0).perform(x, x))
                .hasMessageContaining("at least 10");
        assertThatThrownBy(() -> new MeTest(0, 0.05, 0)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> new MeTest(2, 0.0, 0))
                .hasMessageContaining("strictly between 0 and 1");
    }
}
