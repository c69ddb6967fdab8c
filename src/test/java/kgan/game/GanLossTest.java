package kgan.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import kgan.autodiff.Tensor;
import kgan.linalg.Dense;

/** Each loss against its formula written out by hand, on two data and two generated logits. */
class GanLossTest {

    private static final double[] REAL = {0.7, -1.3};
    private static final double[] FAKE = {-0.4, 2.1};

    /** The objectives are a handful of exp/log1p evaluations: a few ulps of the values. */
    private static final double ROUNDING = 16 * Math.ulp(1.0);

    private static Tensor column(double... v) {
        return Tensor.constant(Dense.of(v.length, 1, v));
    }

    private static double logSigmoid(double t) {
        return -Math.log1p(Math.exp(-t));
    }

    private static double mean(double a, double b) {
        return (a + b) / 2;
    }

    private static double discriminatorByHand(GanLoss loss) {
        return switch (loss) {
            case STANDARD, NON_SATURATING -> mean(logSigmoid(REAL[0]), logSigmoid(REAL[1]))
                    + mean(logSigmoid(-FAKE[0]), logSigmoid(-FAKE[1]));
            case WASSERSTEIN -> mean(REAL[0], REAL[1]) - mean(FAKE[0], FAKE[1]);
            case HINGE -> -mean(Math.max(0, 1 - REAL[0]), Math.max(0, 1 - REAL[1]))
                    - mean(Math.max(0, 1 + FAKE[0]), Math.max(0, 1 + FAKE[1]));
            case LEAST_SQUARES -> -0.5 * mean(Math.pow(REAL[0] - 1, 2), Math.pow(REAL[1] - 1, 2))
                    - 0.5 * mean(FAKE[0] * FAKE[0], FAKE[1] * FAKE[1]);
        };
    }

    private static double generatorByHand(GanLoss loss) {
        return switch (loss) {
            case STANDARD -> mean(logSigmoid(-FAKE[0]), logSigmoid(-FAKE[1]));
            case NON_SATURATING -> -mean(logSigmoid(FAKE[0]), logSigmoid(FAKE[1]));
            case WASSERSTEIN, HINGE -> -mean(FAKE[0], FAKE[1]);
            case LEAST_SQUARES -> 0.5 * mean(Math.pow(FAKE[0] - 1, 2), Math.pow(FAKE[1] - 1, 2));
        };
    }

    @ParameterizedTest
    @EnumSource(GanLoss.class)
    void objectivesMatchTheirFormulas(GanLoss loss) {
        double d = loss.discriminatorObjective(column(REAL), column(FAKE)).item();
        double g = loss.generatorLoss(column(FAKE)).item();

        double dExpected = discriminatorByHand(loss);
        double gExpected = generatorByHand(loss);
        assertThat(d).isCloseTo(dExpected, within(ROUNDING * (1 + Math.abs(dExpected))));
        assertThat(g).isCloseTo(gExpected, within(ROUNDING * (1 + Math.abs(gExpected))));
    }

    /**
     * f'(0) and f''(0) against central differences of V(t) with one data logit t and a fixed
     * generated logit, so that V(t) − V(0) = f(t) − f(0). Step h = 1e-3: truncation
     * h² |f'''| / 6 and h² |f''''| / 12, at most 2.1e-8 and 1.1e-8 for log σ
     * (|f'''|, |f''''| ≤ 1/8); rounding of the differences of values |V| ≤ 2 log 2,
     * 2 ε |V| / (2h) ≈ 3e-13 for f' and 4 ε |V| / h² ≈ 1.2e-9 for f''. 1e-7 covers both.
     */
    @ParameterizedTest
    @EnumSource(value = GanLoss.class, names = {"STANDARD", "NON_SATURATING", "WASSERSTEIN"})
    void derivativesAtZeroMatchTheValue(GanLoss loss) {
        double h = 1e-3;
        double f0 = loss.discriminatorObjective(column(0.0), column(0.0)).item();
        double fPlus = loss.discriminatorObjective(column(h), column(0.0)).item();
        double fMinus = loss.discriminatorObjective(column(-h), column(0.0)).item();

        assertThat((fPlus - fMinus) / (2 * h)).isCloseTo(loss.fPrimeAtZero(), within(1e-7));
        assertThat((fPlus - 2 * f0 + fMinus) / (h * h)).isCloseTo(loss.fSecondAtZero(),
                within(1e-7));
    }

    @Test
    void lossesOutsideTheValueFormHaveNoDerivativesAtZero() {
        assertThat(GanLoss.HINGE.fPrimeAtZero()).isNaN();
        assertThat(GanLoss.LEAST_SQUARES.fSecondAtZero()).isNaN();
    }

    @Test
    void namesAreWrittenAsTyped() {
        assertThat(GanLoss.NON_SATURATING).hasToString("non-saturating");
    }
}
