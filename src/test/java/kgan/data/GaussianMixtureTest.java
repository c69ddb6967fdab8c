package kgan.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import kgan.linalg.Rng;

class GaussianMixtureTest {

    @Test
    void ringCentresLieOnTheCircleOfRadiusTwoAtEqualAngles() {
        GaussianMixture ring = GaussianMixture.ring();
        DMatrixRMaj c = ring.centres();

        assertThat(ring.modeCount()).isEqualTo(8);
        assertThat(ring.modeStd()).isEqualTo(0.02);
        for (int k = 0; k < 8; k++) {
            assertThat(Math.hypot(c.get(k, 0), c.get(k, 1))).isCloseTo(2.0, within(1e-12));
            assertThat(Math.atan2(c.get(k, 1), c.get(k, 0)))
                    .isCloseTo(Math.IEEEremainder(2 * Math.PI * k / 8, 2 * Math.PI),
                            within(1e-12));
        }
    }

    @Test
    void gridCentresAreTheTwentyFiveLatticePoints() {
        GaussianMixture grid = GaussianMixture.grid();
        DMatrixRMaj c = grid.centres();

        assertThat(grid.modeCount()).isEqualTo(25);
        assertThat(grid.modeStd()).isEqualTo(0.05);
        assertThat(c.get(0, 0)).isEqualTo(-4.0);
        assertThat(c.get(0, 1)).isEqualTo(-4.0);
        assertThat(c.get(5 * 2 + 3, 0)).isEqualTo(0.0);
        assertThat(c.get(5 * 2 + 3, 1)).isEqualTo(2.0);
        assertThat(c.get(24, 0)).isEqualTo(4.0);
        assertThat(c.get(24, 1)).isEqualTo(4.0);
        assertThat(grid.modeCentres()).hasSize(25);
        assertThat(grid.modeCentres().get(13).get(0, 1)).isEqualTo(2.0);
    }

    @Test
    void samplingIsDeterministicForASeed() {
        GaussianMixture ring = GaussianMixture.ring();

        DMatrixRMaj a = ring.sample(50, new Rng(7));
        DMatrixRMaj b = ring.sample(50, new Rng(7));
        DMatrixRMaj c = ring.sample(50, new Rng(8));

        assertThat(a.data).containsExactly(b.data);
        assertThat(a.data).isNotEqualTo(c.data);
    }

    @Test
    void samplingFollowsTheDocumentedDrawOrder() {
        GaussianMixture ring = GaussianMixture.ring();
        Rng replay = new Rng(11);

        DMatrixRMaj x = ring.sample(3, new Rng(11));

        for (int i = 0; i < 3; i++) {
            int k = (int) Math.floor(replay.nextDouble() * 8);
            double angle = 2 * Math.PI * k / 8;
            double x0 = 2 * Math.cos(angle) + 0.02 * replay.nextGaussian();
            double x1 = 2 * Math.sin(angle) + 0.02 * replay.nextGaussian();
            assertThat(x.get(i, 0)).isCloseTo(x0, within(1e-12));
            assertThat(x.get(i, 1)).isCloseTo(x1, within(1e-12));
        }
    }

    @Test
    void modeFrequenciesAndSpreadMatchTheWeights() {
        double[] w = {1, 1, 1, 1, 1, 1, 1, 1};
        w[3] = 0.02;
        GaussianMixture ring = GaussianMixture.ring(w);
        int n = 200_000;

        DMatrixRMaj x = ring.sample(n, new Rng(3));

        DMatrixRMaj c = ring.centres();
        int[] counts = new int[8];
        double sumSquaredNoise = 0;
        for (int i = 0; i < n; i++) {
            int nearest = 0;
            double best = Double.POSITIVE_INFINITY;
            for (int k = 0; k < 8; k++) {
                double dx = x.get(i, 0) - c.get(k, 0);
                double dy = x.get(i, 1) - c.get(k, 1);
                if (dx * dx + dy * dy < best) {
                    best = dx * dx + dy * dy;
                    nearest = k;
                }
            }
            counts[nearest]++;
            sumSquaredNoise += best;
        }
        double rare = 0.02 / 7.02;
        // Binomial standard error of the rare share is about 1.2e-4; 5 of them is 6e-4.
        assertThat(counts[3] / (double) n).isCloseTo(rare, within(6e-4));
        assertThat(counts[0] / (double) n).isCloseTo(1 / 7.02, within(4e-3));
        assertThat(Math.sqrt(sumSquaredNoise / (2.0 * n))).isCloseTo(0.02, within(2e-4));
    }

    @Test
    void rareModeHelperGivesTheRareModeItsShare() {
        GaussianMixture ring = GaussianMixture.ringWithRareMode(5, 0.02);

        double[] w = ring.weights();

        assertThat(w[5]).isCloseTo(0.02, within(1e-15));
        assertThat(w[0]).isCloseTo(0.98 / 7, within(1e-15));
        assertThat(ring.hasEqualWeights()).isFalse();
        assertThat(GaussianMixture.ring().hasEqualWeights()).isTrue();
    }

    @Test
    void weightsMustBePositiveFiniteAndOnePerMode() {
        assertThatThrownBy(() -> GaussianMixture.ring(new double[] {1, 1, 1, 1, 1, 1, 1, 0}))
                .hasMessageContaining("mode 7").hasMessageContaining("> 0");
        assertThatThrownBy(() -> GaussianMixture.ring(
                new double[] {1, 1, 1, 1, 1, 1, 1, Double.NaN}))
                .hasMessageContaining("mode 7");
        assertThatThrownBy(() -> GaussianMixture.ring(
                new double[] {1, 1, 1, 1, 1, 1, 1, Double.POSITIVE_INFINITY}))
                .hasMessageContaining("finite");
        assertThatThrownBy(() -> GaussianMixture.ring(new double[] {1, 1}))
                .hasMessageContaining("2 weights given for 8 modes");
    }

    @Test
    void describeNamesTheMixtureAndItsWeights() {
        assertThat(GaussianMixture.ring().describe())
                .isEqualTo("ring: 8 Gaussian modes in R^2, std 0.02, equal weights");
        assertThat(GaussianMixture.ringWithRareMode(0, 0.5).describe())
                .contains("weights [0.5000, 0.07143");
    }
}
