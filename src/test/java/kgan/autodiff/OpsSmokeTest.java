package kgan.autodiff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import kgan.linalg.Dense;

class OpsSmokeTest {

    @Test
    void matmulTanhFirstAndSecondOrder() {
        var a = Dense.of(2, 3, 0.1, -0.4, 0.7, 1.2, 0.3, -0.5);
        var b = Dense.of(3, 2, 0.2, 0.9, -1.1, 0.4, 0.6, -0.3);
        var first = GradientCheck.firstOrder(
                xs -> Ops.tanh(Ops.matmul(xs.get(0), xs.get(1))), List.of(a, b), 1);
        var second = GradientCheck.secondOrder(
                xs -> Ops.tanh(Ops.matmul(xs.get(0), xs.get(1))), List.of(a, b), 2);
        assertThat(first.passed()).as(first.toString()).isTrue();
        assertThat(second.passed()).as(second.toString()).isTrue();
    }

    @Test
    void squaredDistancesSecondOrder() {
        var x = Dense.of(3, 2, 0.1, -0.4, 0.7, 1.2, 0.3, -0.5);
        var y = Dense.of(2, 2, 0.2, 0.9, -1.1, 0.4);
        var second = GradientCheck.secondOrder(
                xs -> Ops.exp(Ops.neg(Ops.squaredDistances(xs.get(0), xs.get(1)))),
                List.of(x, y), 3);
        assertThat(second.passed()).as(second.toString()).isTrue();
    }
}
