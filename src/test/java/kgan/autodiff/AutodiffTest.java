package kgan.autodiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import kgan.linalg.Dense;

/**
 * Reverse-mode bookkeeping. The inputs are small integers and halves, so every expected value
 * below is exact in binary floating point and is compared with no tolerance.
 */
class AutodiffTest {

    @Test
    void gradientAccumulatesOverEveryPath() {
        Tensor x = Tensor.parameter(Dense.of(1, 3, 1, -2, 3));

        Tensor y = Ops.sum(Ops.add(Ops.mul(x, x), Ops.scale(x, 3.0)));
        Tensor grad = Autodiff.grad(y, List.of(x), false).get(0);

        // ∂/∂x Σ (x² + 3x) = 2x + 3; mul(x, x) alone already has two paths.
        assertThat(grad.value().data).containsExactly(5, -1, 9);
    }

    @Test
    void inputTheOutputDoesNotDependOnGetsZeros() {
        Tensor x = Tensor.parameter(Dense.of(1, 2, 1, 2));
        Tensor unused = Tensor.parameter(Dense.of(2, 3, 1, 2, 3, 4, 5, 6));

        List<Tensor> grads = Autodiff.grad(Ops.sum(Ops.square(x)), List.of(x, unused), true);

        assertThat(grads.get(1).rows()).isEqualTo(2);
        assertThat(grads.get(1).cols()).isEqualTo(3);
        assertThat(grads.get(1).value().data).containsOnly(0.0);
        assertThat(grads.get(1).requiresGrad()).isFalse();
    }

    @Test
    void noGradMakesConstants() {
        Tensor x = Tensor.parameter(Dense.of(1, 2, 1, 2));

        Tensor inside = Autodiff.noGrad(() -> Ops.exp(x));
        Tensor y = Ops.sum(Ops.mul(inside, x));
        Tensor grad = Autodiff.grad(y, List.of(x), false).get(0);

        assertThat(inside.requiresGrad()).isFalse();
        assertThat(Autodiff.isRecording()).isTrue();
        // With exp(x) a constant, ∂/∂x Σ exp(x) ⊙ x = exp(x), not exp(x) ⊙ (1 + x).
        assertThat(grad.value().data).containsExactly(Math.exp(1), Math.exp(2));
    }

    @Test
    void gradientsWithoutCreateGraphAreConstants() {
        Tensor x = Tensor.parameter(Dense.of(1, 2, 0.5, -1));
        Tensor y = Ops.sum(Ops.tanh(Ops.square(x)));

        Tensor constant = Autodiff.grad(y, List.of(x), false).get(0);
        Tensor graph = Autodiff.grad(y, List.of(x), true).get(0);

        assertThat(constant.requiresGrad()).isFalse();
        assertThat(graph.requiresGrad()).isTrue();
        assertThat(constant.value().data).containsExactly(graph.value().data);
    }

    @Test
    void hessianVectorProductOfAQuadraticIsExact() {
        DMatrixRMaj a = Dense.of(3, 3, 2, 1, 0, -1, 4, 3, 5, 0, 1);
        DMatrixRMaj b = Dense.of(3, 1, 1, -2, 0.5);
        DMatrixRMaj v = Dense.of(3, 1, 1, 2, -3);
        Tensor x = Tensor.parameter(Dense.of(3, 1, 0.5, -1, 2));

        // f(x) = ½ xᵀ A x + bᵀ x, so ∇f = ½ (A + Aᵀ) x + b and ∇²f v = ½ (A + Aᵀ) v.
        Tensor f = Ops.add(Ops.scale(Ops.sum(Ops.mul(x, Ops.matmul(Tensor.constant(a), x))),
                0.5), Ops.sum(Ops.mul(Tensor.constant(b), x)));
        Tensor gradient = Autodiff.grad(f, List.of(x), true).get(0);
        Tensor hv = Autodiff.grad(Ops.sum(Ops.mul(gradient, Tensor.constant(v))), List.of(x),
                false).get(0);

        DMatrixRMaj symmetric = Dense.scale(0.5, Dense.add(a, Dense.transpose(a)));
        DMatrixRMaj expectedGradient = Dense.add(Dense.mult(symmetric, x.value()), b);
        DMatrixRMaj expectedHv = Dense.mult(symmetric, v);
        assertThat(gradient.value().data).containsExactly(expectedGradient.data);
        assertThat(hv.value().data).containsExactly(expectedHv.data);
    }

    @Test
    void squaredDistanceHasAFiniteZeroGradientWherePointsCoincide() {
        Tensor x = Tensor.parameter(Dense.of(1, 3, 0.7, -1.3, 2.1));
        Tensor y = Tensor.parameter(Dense.of(1, 3, 0.7, -1.3, 2.1));
        Tensor v = Tensor.constant(Dense.of(1, 3, 1, -2, 0.5));

        Tensor kernel = Ops.sum(Ops.exp(Ops.neg(Ops.squaredDistances(x, y))));
        List<Tensor> grads = Autodiff.grad(kernel, List.of(x, y), true);
        Tensor distance = Ops.sum(Ops.squaredDistances(x, y));
        Tensor gradX = Autodiff.grad(distance, List.of(x), true).get(0);
        Tensor hv = Autodiff.grad(Ops.sum(Ops.mul(gradX, v)), List.of(x), false).get(0);

        assertThat(kernel.item()).isEqualTo(1.0);
        assertThat(grads.get(0).value().data).containsOnly(0.0);
        assertThat(grads.get(1).value().data).containsOnly(0.0);
        // ∇²_x ‖x − y‖² = 2I, finite at x = y (through a square root it would not be).
        assertThat(hv.value().data).containsExactly(2, -4, 1);
    }

    @Test
    void vectorOutputNeedsASeedOfItsShape() {
        Tensor x = Tensor.parameter(Dense.of(1, 2, 1, 2));
        Tensor y = Ops.square(x);

        assertThatThrownBy(() -> Autodiff.grad(y, List.of(x), false))
                .hasMessageContaining("1×2");
        assertThatThrownBy(() -> Autodiff.grad(y, Tensor.scalar(1), List.of(x), false))
                .hasMessageContaining("1×2").hasMessageContaining("1×1");

        Tensor seeded = Autodiff.grad(y, Tensor.constant(Dense.of(1, 2, 3, -1)), List.of(x),
                false).get(0);
        assertThat(seeded.value().data).containsExactly(6, -4);
    }
}
