package kgan.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import kgan.linalg.Dense;
import kgan.linalg.Rng;

class InitTest {

    private static final double EPS = Math.ulp(1.0);

    /**
     * Householder QR is backward stable: ‖QᵀQ − I‖ grows like n ε with a small constant. The
     * bound 16 n ε gain² leaves a wide margin and is still about 10⁻¹⁴.
     */
    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"5, 5", "7, 3", "3, 7", "1, 4", "128, 128"})
    void orthogonalIsGainTimesOrthonormal(int fanIn, int fanOut) {
        double gain = 0.8;

        DMatrixRMaj w = new Init.Orthogonal(gain).weight(fanIn, fanOut, new Rng(3));
        DMatrixRMaj gram = fanIn >= fanOut ? Dense.multTransA(w, w) : Dense.multTransB(w, w);

        int n = Math.min(fanIn, fanOut);
        double tolerance = 16 * Math.max(fanIn, fanOut) * EPS * gain * gain;
        assertThat(w.numRows).isEqualTo(fanIn);
        assertThat(w.numCols).isEqualTo(fanOut);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertThat(gram.get(i, j)).as("Gram entry (%d, %d)", i, j)
                        .isCloseTo(i == j ? gain * gain : 0.0, offset(tolerance));
            }
        }
    }

    /**
     * Haar-distributed 3×3 orthogonal matrices have entries of mean 0 and variance 1/3. Without
     * the sign correction, Householder QR makes the diagonal one-signed, so its mean is far from
     * 0. Over N draws each entry's sample mean has standard error √(1/(3N)); the test allows
     * 5 of them (a chance below 10⁻⁵ per entry under the null; the seed is fixed).
     */
    @Test
    void orthogonalIsUnbiased() {
        int draws = 2000;
        Rng rng = new Rng(11);
        Init init = new Init.Orthogonal(1.0);
        DMatrixRMaj mean = new DMatrixRMaj(3, 3);

        for (int k = 0; k < draws; k++) {
            DMatrixRMaj w = init.weight(3, 3, rng);
            for (int i = 0; i < 9; i++) {
                mean.data[i] += w.data[i] / draws;
            }
        }

        double bound = 5 * Math.sqrt(1.0 / (3.0 * draws));
        for (int i = 0; i < 9; i++) {
            assertThat(mean.data[i]).as("mean of entry %d", i).isCloseTo(0.0, offset(bound));
        }
    }

    /**
     * Glorot uniform: W_ij ~ U(−a, a), a² = 6 / (in + out), variance σ² = a²/3. With the mean
     * known to be 0, the estimate s² = mean(W_ij²) has variance (E W⁴ − σ⁴) / n
     * = (a⁴/5 − a⁴/9) / n = 0.8 σ⁴ / n. The test allows 5 standard errors, and for the mean
     * 5 σ / √n.
     */
    @Test
    void glorotUniformHasItsVarianceAndRange() {
        int fanIn = 200;
        int fanOut = 300;

        DMatrixRMaj w = new Init.GlorotUniform().weight(fanIn, fanOut, new Rng(5));

        double bound = Math.sqrt(6.0 / (fanIn + fanOut));
        double variance = 2.0 / (fanIn + fanOut);
        double n = w.getNumElements();
        assertThat(secondMoment(w)).isCloseTo(variance,
                offset(5 * variance * Math.sqrt(0.8 / n)));
        assertThat(Dense.sum(w) / n).isCloseTo(0.0, offset(5 * Math.sqrt(variance / n)));
        for (double v : w.data) {
            assertThat(Math.abs(v)).isLessThanOrEqualTo(bound);
        }
    }

    /**
     * He normal: W_ij ~ N(0, 2 / in). For a Gaussian, Var(W²) = 2 σ⁴, so s² = mean(W_ij²) has
     * standard error σ² √(2 / n); the test allows 5 of them, and 5 σ / √n for the mean.
     */
    @Test
    void heNormalHasItsVariance() {
        int fanIn = 300;
        int fanOut = 200;

        DMatrixRMaj w = new Init.HeNormal().weight(fanIn, fanOut, new Rng(6));

        double variance = 2.0 / fanIn;
        double n = w.getNumElements();
        assertThat(secondMoment(w)).isCloseTo(variance,
                offset(5 * variance * Math.sqrt(2.0 / n)));
        assertThat(Dense.sum(w) / n).isCloseTo(0.0, offset(5 * Math.sqrt(variance / n)));
    }

    @Test
    void sameSeedGivesIdenticalWeights() {
        for (Init init : List.of(new Init.Orthogonal(0.8), new Init.GlorotUniform(),
                new Init.HeNormal())) {
            DMatrixRMaj first = init.weight(6, 4, new Rng(42));
            DMatrixRMaj again = init.weight(6, 4, new Rng(42));
            DMatrixRMaj other = init.weight(6, 4, new Rng(43));

            assertThat(again.data).as(init.toString()).containsExactly(first.data);
            assertThat(other.data).as(init.toString()).isNotEqualTo(first.data);
        }
    }

    @Test
    void invalidArgumentsAreNamed() {
        assertThatThrownBy(() -> new Init.Orthogonal(-1)).hasMessageContaining("gain")
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> new Init.HeNormal().weight(0, 3, new Rng(1)))
                .hasMessageContaining("fanIn 0");
    }

    private static double secondMoment(DMatrixRMaj w) {
        double s = 0;
        for (double v : w.data) {
            s += v * v;
        }
        return s / w.getNumElements();
    }
}
