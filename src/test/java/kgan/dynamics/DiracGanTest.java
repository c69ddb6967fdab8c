package kgan.dynamics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import kgan.game.GanLoss;

/** The Dirac-GAN through the game's own field against its closed form (proofs/dirac-gan.md). */
class DiracGanTest {

    private static final GanLoss[] LOSSES =
            {GanLoss.STANDARD, GanLoss.NON_SATURATING, GanLoss.WASSERSTEIN};

    @Test
    void jacobianIsTheClosedFormMatrix() {
        for (GanLoss loss : LOSSES) {
            double c = loss.fPrimeAtZero();
            DMatrixRMaj j = DiracGan.field(loss, 0.7, 0.4, 1.3, 0.9).jacobian();
            double a = DiracGan.curvature(0.7, 0.4, 1.3, 0.9);
            double[] expected = {0, -c, 0, c, -a, 0, 0, 0, 0};
            // Each entry is a few exp and products of O(1) numbers: 1e-14 is 50 ε, the
            // rounding of at most a few dozen operations.
            for (int i = 0; i < 9; i++) {
                assertThat(j.data[i]).as("%s entry %d", loss, i)
                        .isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-14));
            }
        }
    }

    /**
     * The eigenvalues of the field's Jacobian equal 0 and (−a ± √(a² − 4f'(0)²))/2 to 1e-10
     * relative (absolute 1e-10 ‖J‖ for the zero eigenvalue) over a grid of λ_g, λ_l, σ, v.
     */
    @Test
    void eigenvaluesMatchTheClosedFormOverAGrid() {
        int checked = 0;
        for (GanLoss loss : LOSSES) {
            for (double lg : new double[] {0, 0.3, 1, 4}) {
                for (double ll : new double[] {0, 0.5, 2}) {
                    for (double sigma : new double[] {0.5, 1, 2}) {
                        for (double v : new double[] {0, 0.7, 1, -1.5}) {
                            check(loss, lg, ll, sigma, v);
                            checked++;
                        }
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(3 * 4 * 3 * 3 * 4);
    }

    private static void check(GanLoss loss, double lg, double ll, double sigma, double v) {
        VectorField field = DiracGan.field(loss, lg, ll, sigma, v);
        Spectrum s = Spectrum.of(field.jacobian());
        double[][] closed = DiracGan.eigenvalues(loss, lg, ll, sigma, v);
        for (double[] m : closed) {
            m[0] += 0.0;
            m[1] += 0.0;
        }
        Arrays.sort(closed, Comparator.<double[]>comparingDouble(m -> -m[0])
                .thenComparingDouble(m -> -m[1]));
        for (int k = 0; k < 3; k++) {
            double error = Math.hypot(s.real()[k] - closed[k][0],
                    s.imaginary()[k] - closed[k][1]);
            double scale = Math.max(Math.hypot(closed[k][0], closed[k][1]), 0);
            double bound = scale > 0 ? 1e-10 * scale : 1e-10 * s.norm();
            assertThat(error).as("%s λg=%s λl=%s σ=%s v=%s eigenvalue %d: %s, %s i vs %s, %s i",
                    loss, lg, ll, sigma, v, k, s.real()[k], s.imaginary()[k], closed[k][0],
                    closed[k][1]).isLessThanOrEqualTo(bound);
        }
    }

    @Test
    void unguidedEigenvaluesArePlusMinusIfPrime() {
        for (GanLoss loss : LOSSES) {
            Spectrum s = Spectrum.of(DiracGan.field(loss, 0, 0, 1, 0.5).jacobian());
            double c = loss.fPrimeAtZero();
            // J = [[0, −c, 0], [c, 0, 0], [0, 0, 0]] is computed exactly (c is 1 or 1/2),
            // and the 2×2 rotation block's eigenvalues are found to a few ε.
            assertThat(s.real()).containsOnly(0.0);
            double[] im = s.imaginary().clone();
            Arrays.sort(im);
            assertThat(im[0]).isCloseTo(-c, org.assertj.core.data.Offset.offset(4e-16));
            assertThat(im[1]).isEqualTo(0.0);
            assertThat(im[2]).isCloseTo(c, org.assertj.core.data.Offset.offset(4e-16));
            assertThat(s.zeroModes()).isEqualTo(1);
            assertThat(s.largestStableStep()).isZero();
        }
    }

    /** A witness on the data point adds no curvature; one at v = ±σ adds the most. */
    @Test
    void witnessCurvatureIsLargestAtOneBandwidth() {
        double sigma = 0.8;
        assertThat(DiracGan.curvature(0, 1, sigma, 0)).isZero();
        double best = DiracGan.curvature(0, 1, sigma, sigma);
        for (double v = 0; v < 4 * sigma; v += 0.01) {
            assertThat(DiracGan.curvature(0, 1, sigma, v)).isLessThanOrEqualTo(best);
        }
        assertThat(DiracGan.curvature(0, 1, sigma, -sigma)).isEqualTo(best);
    }
}
