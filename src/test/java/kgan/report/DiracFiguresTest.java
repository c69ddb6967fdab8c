package kgan.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import kgan.game.GanLoss;

class DiracFiguresTest {

    // σ = 1, v = 1, RK4 with h = 0.05 up to T = 200, as the report command draws them.
    private final DiracFigures figures = new DiracFigures(1, 1, 1, 1, 0.05, 200);

    /**
     * Overdamped, λ_g = 2 with the standard loss: μ = −0.0635 and −3.94. Over the fit window
     * t ≥ 100 the fast mode is e^{−3.87·100} of the slow one, so log ‖z‖ is a line of slope
     * μ_slow up to RK4's error: log R(x) − x ≈ −x⁵/120 per step at x = hμ ≈ −3.2e-3, i.e.
     * below 1e-13 in the rate. Rounding in the logarithms (1e-16 relative over a range of
     * about 10) adds far less than 1e-12 to the slope: 1e-9 is a loose bound.
     */
    @Test
    void measuredRateMatchesTheClosedFormAbscissa() {
        double closed = figures.closedFormRate(GanLoss.STANDARD, 2);

        // a = 2λ_g/σ² = 4, f'(0) = 1/2: μ = (−4 + √15)/2. Written this way the subtraction
        // loses about log10(4/0.127) ≈ 1.5 digits, so the two agree within 1e-14.
        assertThat(closed).isCloseTo((-4 + Math.sqrt(15)) / 2, within(1e-14));
        assertThat(figures.measuredRate(GanLoss.STANDARD, 2)).isCloseTo(closed,
                within(1e-9));
    }

    /**
     * Unguided WGAN: F(ψ, θ) = (−θ, ψ) rotates with ω = f'(0) = 1, the flow conserves ‖z‖
     * (closed-form rate 0), and RK4 multiplies it per step by |R(ix)| with x = ωh and
     * |R(ix)|² = (1 − x²/2 + x⁴/24)² + (x − x³/6)² = 1 − x⁶/72 + x⁸/576: a measured rate of
     * log |R(ix)|² / (2h) ≈ −h⁵/144 ≈ −2.2e-9, exactly, since ‖z‖ has no oscillating part.
     * The logarithms' rounding (1e-16 over a time range of 100) moves the slope by far less
     * than 1e-13.
     */
    @Test
    void unguidedWassersteinCirclesAtRateZero() {
        double x = 0.05;
        double rk4 = Math.log(1 - Math.pow(x, 6) / 72 + Math.pow(x, 8) / 576) / (2 * x);

        assertThat(figures.closedFormRate(GanLoss.WASSERSTEIN, 0)).isEqualTo(-0.0);
        assertThat(figures.measuredRate(GanLoss.WASSERSTEIN, 0)).isCloseTo(rk4,
                within(1e-13));
    }
}
