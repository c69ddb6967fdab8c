package kgan.autodiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import kgan.linalg.Dense;

/** The checker must reject wrong partial rules, not only accept right ones. */
class GradientCheckTest {

    private static final DMatrixRMaj X = Dense.of(2, 2, 0.3, -0.8, 1.1, 0.6);

    /** y = A ⊙ A with the partial 3 g ⊙ A instead of 2 g ⊙ A. */
    private static Tensor squareWithWrongPartial(Tensor a) {
        return Tensor.result("wrongSquare", Dense.elementMult(a.value(), a.value()),
                (y, g, i) -> Ops.scale(Ops.mul(g, a), 3.0), a);
    }

    /** y = exp(A) with the right value of the partial, g ⊙ y, but y cut from the graph. */
    private static Tensor expWithDetachedPartial(Tensor a) {
        return Tensor.result("detachedExp", Dense.map(a.value(), Math::exp),
                (y, g, i) -> Ops.mul(g, Tensor.constant(y.value())), a);
    }

    /** y = A ⊙ A whose partial is right except for a NaN in its last entry. */
    private static Tensor squareWithNaNPartial(Tensor a) {
        return Tensor.result("nanSquare", Dense.elementMult(a.value(), a.value()),
                (y, g, i) -> {
                    DMatrixRMaj poison = Dense.filled(a.rows(), a.cols(), 1.0);
                    poison.data[poison.getNumElements() - 1] = Double.NaN;
                    return Ops.mul(Ops.scale(Ops.mul(g, a), 2.0), Tensor.constant(poison));
                }, a);
    }

    @Test
    void wrongFirstDerivativeFails() {
        GradientCheck.Report report = GradientCheck.firstOrder(
                xs -> squareWithWrongPartial(xs.get(0)), List.of(X), 1);

        assertThat(report.passed()).as(report.toString()).isFalse();
        assertThat(report.analytic()).isCloseTo(1.5 * report.numeric(),
                withinPercentage(1e-6));
    }

    @Test
    void detachedPartialPassesFirstOrderButFailsSecondOrder() {
        GradientCheck.Report first = GradientCheck.firstOrder(
                xs -> expWithDetachedPartial(xs.get(0)), List.of(X), 2);
        GradientCheck.Report second = GradientCheck.secondOrder(
                xs -> expWithDetachedPartial(xs.get(0)), List.of(X), 3);

        assertThat(first.passed()).as(first.toString()).isTrue();
        assertThat(second.passed()).as(second.toString()).isFalse();
    }

    @Test
    void nanInALaterEntryFails() {
        GradientCheck.Report report = GradientCheck.firstOrder(
                xs -> squareWithNaNPartial(xs.get(0)), List.of(X), 4);

        assertThat(report.passed()).as(report.toString()).isFalse();
        assertThat(report.entry()).isEqualTo(X.getNumElements() - 1);
    }

    @Test
    void constantFunctionPassesWithZeroGradient() {
        GradientCheck.Report report = GradientCheck.firstOrder(
                xs -> Ops.scale(Ops.sum(xs.get(0)), 0.0), List.of(X), 5);

        assertThat(report.passed()).as(report.toString()).isTrue();
    }
}
