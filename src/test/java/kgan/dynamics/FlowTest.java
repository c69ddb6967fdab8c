package kgan.dynamics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import kgan.game.GanLoss;

/** Trajectories of the Dirac-GAN, and claim 4: the largest stable Euler step. */
class FlowTest {

    /**
     * Unguided WGAN: F(ψ, θ) = (−θ, ψ) exactly (f(t) = t), a rotation. Simultaneous Euler
     * multiplies the radius by |1 + ih| = √(1 + h²) each step; RK4 by |R(ih)| with
     * R(x) = 1 + x + x²/2 + x³/6 + x⁴/24; alternating Euler has determinant 1 and stays on a
     * bounded ellipse. The radii agree with these factors to the rounding of N steps,
     * N ε per step relative, here bounded by 1e-12.
     */
    @Test
    void unguidedWassersteinCirclesAsEachSchemePredicts() {
        VectorField field = DiracGan.field(GanLoss.WASSERSTEIN, 0, 0, 1, 0.5);
        double[] start = {0.3, 0.4, 0.5};
        double h = 0.1;
        int n = 200;

        double[][] euler = Flow.euler(field, start, h, n);
        double eulerFactor = Math.pow(Math.sqrt(1 + h * h), n);
        assertThat(radius(euler[n]) / radius(start)).isCloseTo(eulerFactor,
                org.assertj.core.data.Offset.offset(1e-12 * eulerFactor));
        assertThat(eulerFactor).isGreaterThan(2.5);

        double[][] rk4 = Flow.rk4(field, start, h, n);
        double re = 1 - h * h / 2 + Math.pow(h, 4) / 24;
        double im = h - Math.pow(h, 3) / 6;
        double rkFactor = Math.pow(Math.hypot(re, im), n);
        assertThat(radius(rk4[n]) / radius(start)).isCloseTo(rkFactor,
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(1 - rkFactor).isBetween(0.0, 1e-5);

        double[][] alternating = Flow.alternatingEuler(field, start, h, n);
        double largest = 0;
        for (double[] z : alternating) {
            largest = Math.max(largest, radius(z));
        }
        // The map (ψ, θ) ↦ (ψ − hθ, θ + h(ψ − hθ)) preserves the form ψ² + θ² − hψθ, so
        // the radius stays within √((1 + h/2)/(1 − h/2)) of its start.
        assertThat(largest / radius(start)).isLessThanOrEqualTo(
                Math.sqrt((1 + h / 2) / (1 - h / 2)) + 1e-12);
    }

    /** Kernel guidance makes RK4 converge to the equilibrium from a nearby start. */
    @Test
    void guidedFlowConverges() {
        VectorField field = DiracGan.field(GanLoss.STANDARD, 1, 0.5, 1, 1);
        double[][] path = Flow.rk4(field, new double[] {0.2, -0.3, 1}, 0.1, 2000);
        // The slowest rate is |μ| ≈ 0.11 (DiracGan.eigenvalues): after t = 200 the
        // distance has shrunk by e^(−22), below 1e-9.
        assertThat(radius(path[2000])).isLessThan(1e-9);
    }

    /**
     * Claim 4: with h 5% under h* the Euler map contracts the distance to the manifold
     * (factor ρ(h) < 1 per step), 5% over it expands it (ρ > 1). The start is 1e-7 from the
     * equilibrium and N steps are chosen so that the linear prediction ρ(1.05 h*)^N is 100;
     * the amplitude stays below 1e-5, where the field's quadratic terms are 1e-5 of its
     * linear ones, so the growth is within a few per cent of the prediction.
     */
    @Test
    void eulerConvergesUnderTheStepBoundAndDivergesOverIt() {
        double[][] cases = {{1, 0.5, 1, 1}, {0.1, 0, 1, 0}, {0.05, 0.2, 0.7, 0.7}};
        for (GanLoss loss : new GanLoss[] {GanLoss.STANDARD, GanLoss.WASSERSTEIN}) {
            for (double[] c : cases) {
                VectorField field = DiracGan.field(loss, c[0], c[1], c[2], c[3]);
                Spectrum s = Spectrum.of(field.jacobian());
                double hStar = s.largestStableStep();
                assertThat(hStar).isPositive().isFinite();
                assertThat(s.eulerRadius(0.95 * hStar)).isLessThan(1);
                assertThat(s.eulerRadius(1.05 * hStar)).isGreaterThan(1);
                assertThat(s.eulerRadius(hStar)).isCloseTo(1,
                        org.assertj.core.data.Offset.offset(1e-12));

                double over = s.eulerRadius(1.05 * hStar);
                int n = (int) Math.ceil(Math.log(100) / Math.log(over));
                double[] start = {1e-7, -0.7e-7, c[3]};
                double[][] under = Flow.euler(field, start, 0.95 * hStar, n);
                double[][] diverging = Flow.euler(field, start, 1.05 * hStar, n);
                String what = loss + " " + java.util.Arrays.toString(c);
                double ratioUnder = radius(under[n]) / radius(start);
                double ratioOver = radius(diverging[n]) / radius(start);
                assertThat(ratioOver).as(what).isGreaterThan(10);
                assertThat(ratioUnder).as(what).isLessThan(
                        10 * Math.pow(s.eulerRadius(0.95 * hStar), n));
                assertThat(ratioUnder).as(what).isLessThan(1);
            }
        }
    }

    private static double radius(double[] z) {
        return Math.hypot(z[0], z[1]);
    }
}
