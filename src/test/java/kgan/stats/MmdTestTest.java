package kgan.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import kgan.autodiff.Tensor;
import kgan.kernel.Discrepancy;
import kgan.kernel.GaussianKernel;
import kgan.linalg.Rng;

class MmdTestTest {

    @Test
    void observedStatisticIsTheUnbiasedAndBiasedMmd2OfTheSamples() {
        Rng rng = new Rng(1);
        DMatrixRMaj x = Samples.gaussian(rng, 12, 3, 0.0);
        DMatrixRMaj y = Samples.gaussian(rng, 9, 3, 0.5);
        GaussianKernel kernel = new GaussianKernel(1.3);

        TestResult unbiased = new MmdTest(kernel, true, 19, 0.05, 0).perform(x, y);
        TestResult biased = new MmdTest(kernel, false, 19, 0.05, 0).perform(x, y);

        // Both sides sum the same 441 kernel values in different orders: each sum is off by
        // at most 441 u times its terms' total (≤ 441 · 1), u = 2⁻⁵³; 1e-12 bounds that.
        assertThat(unbiased.statistic()).isCloseTo(Discrepancy.mmd2Unbiased(kernel,
                Tensor.constant(x), Tensor.constant(y)).item(), within(1e-12));
        assertThat(biased.statistic()).isCloseTo(Discrepancy.mmd2Biased(kernel,
                Tensor.constant(x), Tensor.constant(y)).item(), within(1e-12));
        assertThat(unbiased.bandwidth()).isEqualTo(1.3);
        assertThat(unbiased.locations()).isEmpty();
        assertThat(unbiased.sampleSizes()).containsExactly(12, 9);
    }

    @Test
    void thresholdAndPValueGiveTheSameDecision() {
        Rng rng = new Rng(2);
        for (double shift : new double[] {0.0, 0.4, 0.8, 1.5}) {
            DMatrixRMaj x = Samples.gaussian(rng, 20, 2, 0.0);
            DMatrixRMaj y = Samples.gaussian(rng, 20, 2, shift);
            TestResult r = new MmdTest(null, true, 39, 0.1, 7).perform(x, y);

            assertThat(r.reject()).isEqualTo(r.pValue() <= r.alpha());
            assertThat(r.reject()).isEqualTo(r.statistic() > r.threshold());
            // The p-value is (1 + count)/(1 + B) with B = 39: a multiple of 1/40.
            assertThat(r.pValue() * 40).isCloseTo(Math.rint(r.pValue() * 40), within(1e-9));
        }
    }

    @Test
    void sameSeedSameResultBitForBit() {
        Rng rng = new Rng(3);
        DMatrixRMaj x = Samples.gaussian(rng, 25, 2, 0.0);
        DMatrixRMaj y = Samples.gaussian(rng, 30, 2, 0.3);

        TestResult a = new MmdTest(null, false, 50, 0.05, 11).perform(x, y);
        TestResult b = new MmdTest(null, false, 50, 0.05, 11).perform(x, y);

        assertThat(b.statistic()).isEqualTo(a.statistic());
        assertThat(b.pValue()).isEqualTo(a.pValue());
        assertThat(b.threshold()).isEqualTo(a.threshold());
    }

    /**
     * Under H₀ (both samples N(0, I₂)) the permutation p-value makes P(reject) = α exactly
     * when α(1 + B) is an integer (here 0.05 · 100 = 5) and no two statistics tie (they are
     * continuous). So over R = 200 independent repetitions the rejection count is
     * Bin(200, 0.05), and it must lie in that law's central 99.9% interval, [2, 21] (a
     * correct test fails with probability at most 0.001). A test that rejects twice as often
     * as it should (rate 0.1) falls outside it with probability 0.35.
     */
    @Test
    void typeOneErrorUnderTheNullIsAlpha() {
        int repetitions = 200;
        Rng rng = new Rng(4);
        int rejections = Samples.rejections(repetitions, rng, 30, 0.0,
                r -> new MmdTest(null, true, 99, 0.05, r));

        Samples.assertLevel(rejections, repetitions, 0.05);
    }

    /**
     * Against a mean shift of 1.5 standard deviations in one of two coordinates with n = m =
     * 50, even the z-test on that coordinate's mean difference alone has power
     * Φ(1.5 √(50/2) − 1.645) = Φ(5.86) &gt; 0.999 999, and MMD with a median-heuristic Gaussian
     * kernel is expected close to it. Asserting at least 58 rejections in R = 60: with power
     * 0.99 this fails with probability P(Bin(60, 0.01) ≥ 3) ≈ 0.02, while a test of power
     * only 0.9 passes with probability P(Bin(60, 0.1) ≤ 2) ≈ 0.05.
     */
    @Test
    void powerAgainstAShiftedGaussianExceedsNinetyPercent() {
        int repetitions = 60;
        Rng rng = new Rng(5);
        int rejections = Samples.rejections(repetitions, rng, 50, 1.5,
                r -> new MmdTest(null, true, 99, 0.05, r));

        assertThat(rejections).isGreaterThanOrEqualTo(58);
    }

    @Test
    void badInputIsRefusedWithTheReason() {
        DMatrixRMaj twoD = new Rng(6).gaussian(10, 2);
        DMatrixRMaj threeD = new Rng(7).gaussian(10, 3);

        MmdTest test = new MmdTest(null, true, 99, 0.05, 0);
        assertThatThrownBy(() -> test.perform(twoD, threeD))
                .hasMessageContaining("dimension 2").hasMessageContaining("dimension 3");
        assertThatThrownBy(() -> test.perform(twoD, new Rng(8).gaussian(1, 2)))
                .hasMessageContaining("at least 2");
        assertThatThrownBy(() -> new MmdTest(null, true, 99, 1.5, 0))
                .hasMessageContaining("strictly between 0 and 1");
        assertThatThrownBy(() -> new MmdTest(null, true, 10, 0.05, 0))
                .hasMessageContaining("at least 19");
    }

    /**
     * The median-heuristic bandwidth looks at both samples alike: it does not depend on the
     * order they are given in, and a large first sample does not crowd out the second.
     */
    @Test
    void medianBandwidthUsesBothSamplesInEitherOrder() {
        Rng rng = new Rng(21);
        DMatrixRMaj x = Samples.gaussian(rng, 1200, 2, 0.0);
        DMatrixRMaj near = Samples.gaussian(rng, 300, 2, 0.0);
        DMatrixRMaj far = Samples.gaussian(rng, 300, 2, 0.0);
        for (int i = 0; i < far.getNumElements(); i++) {
            far.data[i] *= 10;
        }

        double forward = new MmdTest(null, true, 19, 0.05, 0).perform(x, far).bandwidth();
        double backward = new MmdTest(null, true, 19, 0.05, 0).perform(far, x).bandwidth();
        double withNear = new MmdTest(null, true, 19, 0.05, 0).perform(x, near).bandwidth();

        assertThat(backward).isEqualTo(forward);
        assertThat(forward).isGreaterThan(2 * withNear);
    }
}
