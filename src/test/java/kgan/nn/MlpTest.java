package kgan.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import kgan.autodiff.GradientCheck;
import kgan.autodiff.Tensor;
import kgan.linalg.Dense;
import kgan.linalg.Rng;

class MlpTest {

    private static final List<Integer> WIDTHS = List.of(3, 5, 4, 2);

    @Test
    void parametersComeInTheDocumentedOrder() {
        Mlp mlp = new Mlp(WIDTHS, Activation.RELU, Activation.IDENTITY,
                new Init.GlorotUniform(), new Rng(1));

        List<String> shapes = mlp.parameters().stream()
                .map(p -> Dense.shape(p.value())).toList();
        int entries = mlp.parameters().stream()
                .mapToInt(p -> p.value().getNumElements()).sum();

        assertThat(shapes).containsExactly("3×5", "1×5", "5×4", "1×4", "4×2", "1×2");
        assertThat(mlp.parameterCount()).isEqualTo(3 * 5 + 5 + 5 * 4 + 4 + 4 * 2 + 2);
        assertThat(entries).isEqualTo(mlp.parameterCount());
        assertThat(mlp.widths()).isEqualTo(WIDTHS);
        assertThat(mlp.parameters()).allMatch(Tensor::requiresGrad);
        for (int k = 1; k < 6; k += 2) {
            assertThat(mlp.parameters().get(k).value().data).containsOnly(0.0);
        }
    }

    @Test
    void sameSeedGivesTheSameNetwork() {
        Mlp first = new Mlp(WIDTHS, Activation.TANH, Activation.IDENTITY,
                new Init.Orthogonal(0.8), new Rng(9));
        Mlp again = new Mlp(WIDTHS, Activation.TANH, Activation.IDENTITY,
                new Init.Orthogonal(0.8), new Rng(9));

        for (int k = 0; k < first.parameters().size(); k++) {
            assertThat(again.parameters().get(k).value().data)
                    .containsExactly(first.parameters().get(k).value().data);
        }
    }

    @Test
    void forwardIsTheLayerFormula() {
        DMatrixRMaj w = Dense.of(2, 3, 1, -2, 0.5, 3, 0, -1);
        DMatrixRMaj b = Dense.of(1, 3, 0.25, -0.5, 2);
        DMatrixRMaj x = Dense.of(2, 2, 1, 2, -1, 0.5);
        Mlp mlp = new Mlp(List.of(new Linear(Tensor.parameter(w), Tensor.parameter(b))),
                Activation.TANH, Activation.SOFTPLUS, 0.5);

        DMatrixRMaj y = mlp.forward(Tensor.constant(x)).value();

        // softplus(0.5 x W + b), entry by entry; the few products are exact in binary, so
        // only exp and log1p round: a few ulps of values below 10.
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                double z = b.get(0, j);
                for (int k = 0; k < 2; k++) {
                    z += 0.5 * x.get(i, k) * w.get(k, j);
                }
                double expected = Math.log1p(Math.exp(z));
                assertThat(y.get(i, j)).isCloseTo(expected, offset(8 * Math.ulp(10.0)));
            }
        }
    }

    @Test
    void inputScaleEqualsScalingTheInput() {
        Mlp scaled = new Mlp(WIDTHS, Activation.RELU, Activation.IDENTITY, 0.25,
                new Init.HeNormal(), new Rng(4));
        Mlp plain = new Mlp(scaled.layers(), Activation.RELU, Activation.IDENTITY, 1.0);
        DMatrixRMaj x = new Rng(5).gaussian(6, 3);

        DMatrixRMaj y = scaled.forward(Tensor.constant(x)).value();
        DMatrixRMaj quarter = plain.forward(Tensor.constant(Dense.scale(0.25, x))).value();

        assertThat(y.data).containsExactly(quarter.data);
    }

    /** The network as a function of (X, W_1, b_1, W_2, b_2, W_3, b_3). */
    private static Function<List<Tensor>, Tensor> network(Activation hidden, Activation output) {
        return xs -> {
            List<Linear> layers = new ArrayList<>();
            for (int k = 1; k < xs.size(); k += 2) {
                layers.add(new Linear(xs.get(k), xs.get(k + 1)));
            }
            return new Mlp(layers, hidden, output, 0.25).forward(xs.get(0));
        };
    }

    private static List<DMatrixRMaj> pointAndParameters(Rng rng) {
        Mlp mlp = new Mlp(WIDTHS, Activation.TANH, Activation.IDENTITY,
                new Init.GlorotUniform(), rng);
        List<DMatrixRMaj> inputs = new ArrayList<>();
        inputs.add(rng.gaussian(4, 3));
        for (Tensor p : mlp.parameters()) {
            DMatrixRMaj value = p.value().copy();
            if (value.numRows == 1) {
                value = Dense.scale(0.3, rng.gaussian(1, value.numCols));
            }
            inputs.add(value);
        }
        return inputs;
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"TANH", "SOFTPLUS", "SIGMOID"})
    void gradientsMatchCentralDifferences(Activation hidden) {
        List<DMatrixRMaj> inputs = pointAndParameters(new Rng(21));
        Function<List<Tensor>, Tensor> f = network(hidden, Activation.SOFTPLUS);

        GradientCheck.Report first = GradientCheck.firstOrder(f, inputs, 1);
        GradientCheck.Report second = GradientCheck.secondOrder(f, inputs, 2);

        assertThat(first.passed()).as(first.toString()).isTrue();
        assertThat(second.passed()).as(second.toString()).isTrue();
    }

    @Test
    void activationsApplyTheirFormula() {
        DMatrixRMaj t = Dense.of(1, 4, -2, -0.5, 0.5, 3);

        for (Activation a : Activation.values()) {
            DMatrixRMaj y = a.apply(Tensor.constant(t)).value();
            for (int i = 0; i < 4; i++) {
                double v = t.data[i];
                double expected = switch (a) {
                    case IDENTITY -> v;
                    case RELU -> Math.max(v, 0);
                    case LEAKY_RELU -> v > 0 ? v : 0.2 * v;
                    case TANH -> Math.tanh(v);
                    case SIGMOID -> 1 / (1 + Math.exp(-v));
                    case SOFTPLUS -> Math.log(1 + Math.exp(v));
                };
                // Two library calls of values below 25: a few ulps of 25.
                assertThat(y.data[i]).as("%s(%s)", a, v)
                        .isCloseTo(expected, offset(4 * Math.ulp(25.0)));
            }
        }
    }

    @Test
    void shapeErrorsNameBothShapes() {
        Linear layer = new Linear(4, 2, new Init.GlorotUniform(), new Rng(1));
        Tensor x = Tensor.constant(new DMatrixRMaj(5, 3));
        Tensor w = Tensor.parameter(new DMatrixRMaj(3, 2));
        Tensor b = Tensor.parameter(new DMatrixRMaj(1, 3));
        List<Linear> mismatched = List.of(new Linear(3, 4, new Init.HeNormal(), new Rng(1)),
                new Linear(5, 2, new Init.HeNormal(), new Rng(1)));

        assertThatThrownBy(() -> layer.forward(x)).hasMessageContaining("5×3")
                .hasMessageContaining("4×2");
        assertThatThrownBy(() -> new Linear(w, b)).hasMessageContaining("3×2")
                .hasMessageContaining("1×3");
        assertThatThrownBy(() -> new Mlp(mismatched, Activation.RELU, Activation.IDENTITY, 1))
                .hasMessageContaining("3×4").hasMessageContaining("5×2");
        assertThatThrownBy(() -> new Mlp(List.of(3), Activation.RELU, Activation.IDENTITY,
                new Init.HeNormal(), new Rng(1))).hasMessageContaining("[3]");
    }
}
