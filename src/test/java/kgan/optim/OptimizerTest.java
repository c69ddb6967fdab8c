package kgan.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import kgan.autodiff.Tensor;
import kgan.linalg.Dense;
import kgan.linalg.Rng;

class OptimizerTest {

    private static final double EPS = Math.ulp(1.0);

    /**
     * Three steps on θ_0 = (0.5, −1) with v_1 = (1, −2), v_2 = (−0.5, 3), v_3 = (0.25, 1),
     * η = 0.1, β₁ = 0.9, β₂ = 0.999, ε = 1e−8, worked out in 40-digit decimal arithmetic:
     * t = 1: m̂ = v_1, ŝ = v_1², so θ moves by η v_1 / (|v_1| + ε).
     * t = 2: m = (0.04, 0.12), s = (0.001249, 0.012996), m̂ = m / 0.19, ŝ = s / 0.001999.
     * t = 3: m = (0.061, 0.208), s = (0.001310251, 0.013983004), m̂ = m / 0.271,
     * ŝ = s / 0.002997001.
     * Each coordinate adds three updates of size ≤ 0.1, each about a dozen rounded operations
     * (≤ 12 ε relative), to a value ≤ 1.1: under 11 ε in all. The test allows 64 ε.
     */
    @Test
    void adamFollowsTheHandComputedSequence() {
        Tensor theta = Tensor.parameter(Dense.of(1, 2, 0.5, -1.0));
        Adam adam = new Adam(0.1, 0.9, 0.999, 1e-8);
        double[][] velocities = {{1, -2}, {-0.5, 3}, {0.25, 1}};
        double[][] expected = {
            {0.59999999900000001, -1.0999999995000000},
            {0.62663370262909703, -1.0752298179837311},
            {0.66067661693515368, -1.0396963786878125},
        };

        for (int t = 0; t < 3; t++) {
            adam.step(List.of(theta), List.of(Dense.of(1, 2, velocities[t])));

            assertThat(theta.value().get(0, 0)).as("step %d", t + 1)
                    .isCloseTo(expected[t][0], offset(64 * EPS));
            assertThat(theta.value().get(0, 1)).as("step %d", t + 1)
                    .isCloseTo(expected[t][1], offset(64 * EPS));
        }
        assertThat(adam.state().step()).isEqualTo(3);
    }

    /**
     * With a constant velocity v, b_t = v (1 − μ^t) / (1 − μ) and
     * θ_t = θ_0 + η v (t − μ (1 − μ^t) / (1 − μ)) / (1 − μ).
     * Here |η b_t| ≤ η |v| / (1 − μ) = 1 and |θ_t| < 32; each step rounds two products and
     * two sums, so after t steps the error is below about 4 t ε · 32. The test allows twice that.
     */
    @Test
    void sgdMomentumFollowsTheClosedForm() {
        double learningRate = 0.05;
        double momentum = 0.9;
        double[] v = {1, -2};
        double[] start = {0.5, -1};
        Tensor theta = Tensor.parameter(Dense.of(1, 2, start));
        Sgd sgd = new Sgd(learningRate, momentum);

        for (int t = 1; t <= 20; t++) {
            sgd.step(List.of(theta), List.of(Dense.of(1, 2, v)));

            double decay = momentum * (1 - Math.pow(momentum, t)) / (1 - momentum);
            double travelled = learningRate * (t - decay) / (1 - momentum);
            for (int i = 0; i < 2; i++) {
                assertThat(theta.value().data[i]).as("step %d, entry %d", t, i)
                        .isCloseTo(start[i] + travelled * v[i], offset(8 * t * Math.ulp(32.0)));
            }
        }
    }

    /** f(θ) = ½ Σ a_i (θ_i − c_i)²; the velocity is −∇f = −a ⊙ (θ − c). */
    private static final double[] CURVATURE = {1, 10};
    private static final double[] MINIMUM = {2, -3};

    private static DMatrixRMaj descent(Tensor theta, DMatrixRMaj out) {
        for (int i = 0; i < 2; i++) {
            out.data[i] = -CURVATURE[i] * (theta.value().data[i] - MINIMUM[i]);
        }
        return out;
    }

    private static double distanceToMinimum(Tensor theta) {
        double d = 0;
        for (int i = 0; i < 2; i++) {
            d = Math.max(d, Math.abs(theta.value().data[i] - MINIMUM[i]));
        }
        return d;
    }

    /**
     * Per coordinate, heavy ball maps (e, b) linearly with characteristic polynomial
     * z² − (1 + μ − η a) z + μ; the error decays like ρ^t, ρ the largest root modulus over a.
     * After N steps with ρ^N ≤ 1e−12 the test asks for a 1e−8 reduction, leaving a factor
     * 10⁴ for the transient of the non-normal iteration.
     */
    @Test
    void sgdMomentumMinimisesAQuadratic() {
        double learningRate = 0.05;
        double momentum = 0.5;
        double rho = 0;
        for (double a : CURVATURE) {
            double trace = 1 + momentum - learningRate * a;
            double discriminant = trace * trace - 4 * momentum;
            rho = Math.max(rho, discriminant < 0 ? Math.sqrt(momentum)
                    : (Math.abs(trace) + Math.sqrt(discriminant)) / 2);
        }
        int steps = (int) Math.ceil(Math.log(1e-12) / Math.log(rho));
        Tensor theta = Tensor.parameter(Dense.of(1, 2, -1, 4));
        double initial = distanceToMinimum(theta);
        Sgd sgd = new Sgd(learningRate, momentum);
        DMatrixRMaj v = new DMatrixRMaj(1, 2);

        for (int t = 0; t < steps; t++) {
            sgd.step(List.of(theta), List.of(descent(theta, v)));
        }

        assertThat(rho).isLessThan(1);
        assertThat(distanceToMinimum(theta)).isLessThanOrEqualTo(1e-8 * initial);
    }

    /**
     * Adam moves each coordinate by about η per step while the velocity keeps its sign, so
     * from a distance of 7 it arrives within 7 / η = 700 steps; afterwards each step is at
     * most η (1 − β₁) / √(1 − β₂) ≈ 3.2 η (Kingma and Ba, section 2.1), so an overshoot
     * stays within that of the minimum. The test runs 3000 steps and asks for 3.2 η.
     */
    @Test
    void adamMinimisesAQuadratic() {
        double learningRate = 0.01;
        Tensor theta = Tensor.parameter(Dense.of(1, 2, -1, 4));
        Adam adam = new Adam(learningRate, 0.9, 0.999, 1e-8);
        DMatrixRMaj v = new DMatrixRMaj(1, 2);

        for (int t = 0; t < 3000; t++) {
            adam.step(List.of(theta), List.of(descent(theta, v)));
        }

        assertThat(distanceToMinimum(theta))
                .isLessThanOrEqualTo(learningRate * 0.1 / Math.sqrt(0.001));
    }

    private static List<Tensor> parameters(Rng rng) {
        return List.of(Tensor.parameter(rng.gaussian(2, 3)),
                Tensor.parameter(rng.gaussian(1, 3)));
    }

    /** A velocity that depends on θ, so a wrong state shows in the continuation. */
    private static List<DMatrixRMaj> velocity(List<Tensor> parameters) {
        List<DMatrixRMaj> v = new ArrayList<>();
        for (Tensor p : parameters) {
            v.add(Dense.map(p.value(), x -> Math.sin(3 * x) - 0.5 * x));
        }
        return v;
    }

    private static List<Tensor> copies(List<Tensor> parameters) {
        return parameters.stream().map(p -> Tensor.parameter(p.value().copy())).toList();
    }

    private static void assertStateRoundTrip(Supplier<Optimizer> make) {
        List<Tensor> original = parameters(new Rng(8));
        Optimizer optimizer = make.get();
        for (int t = 0; t < 5; t++) {
            optimizer.step(original, velocity(original));
        }
        OptimizerState saved = optimizer.state();
        List<double[]> savedData = saved.buffers().stream().map(b -> b.data.clone()).toList();
        List<Tensor> resumed = copies(original);

        for (int t = 0; t < 7; t++) {
            optimizer.step(original, velocity(original));
        }
        Optimizer fresh = make.get();
        fresh.restore(saved, resumed);
        for (int t = 0; t < 7; t++) {
            fresh.step(resumed, velocity(resumed));
        }

        for (int k = 0; k < original.size(); k++) {
            assertThat(resumed.get(k).value().data)
                    .containsExactly(original.get(k).value().data);
        }
        assertThat(fresh.state().step()).isEqualTo(12);
        for (int i = 0; i < savedData.size(); i++) {
            assertThat(saved.buffers().get(i).data).as("saved buffer %d unchanged", i)
                    .containsExactly(savedData.get(i));
        }
    }

    @Test
    void adamStateRoundTripContinuesBitForBit() {
        assertStateRoundTrip(() -> new Adam(0.05, 0.5, 0.999, 1e-8));
    }

    @Test
    void sgdStateRoundTripContinuesBitForBit() {
        assertStateRoundTrip(() -> new Sgd(0.05, 0.9));
    }

    @Test
    void restoreWithoutParametersChecksShapesAtTheNextStep() {
        List<Tensor> parameters = parameters(new Rng(1));
        Adam adam = new Adam(0.01, 0.9, 0.999, 1e-8);
        adam.step(parameters, velocity(parameters));
        List<Tensor> transposed = List.of(
                Tensor.parameter(new DMatrixRMaj(3, 2)), Tensor.parameter(new DMatrixRMaj(1, 3)));
        Adam other = new Adam(0.01, 0.9, 0.999, 1e-8);

        other.restore(adam.state());

        assertThatThrownBy(() -> other.step(transposed, velocity(transposed)))
                .hasMessageContaining("2×3").hasMessageContaining("3×2")
                .hasMessageContaining("buffer m of parameter 0");
        assertThat(transposed.get(0).value().data).containsOnly(0.0);
        assertThatThrownBy(() -> new Adam(0.01, 0.9, 0.999, 1e-8).restore(adam.state(),
                transposed)).hasMessageContaining("2×3").hasMessageContaining("3×2");
    }

    @Test
    void restoreRejectsAnotherOptimisersState() {
        List<Tensor> parameters = parameters(new Rng(2));
        Sgd sgd = new Sgd(0.1, 0.5);
        sgd.step(parameters, velocity(parameters));
        Adam adam = new Adam(0.01, 0.9, 0.999, 1e-8);
        adam.step(parameters, velocity(parameters));

        assertThatThrownBy(() -> adam.restore(sgd.state()))
                .hasMessageContaining("expected 4 state buffers").hasMessageContaining("found 2");
        assertThatThrownBy(() -> sgd.restore(adam.state()))
                .hasMessageContaining("expected 2 state buffers").hasMessageContaining("found 4");
    }

    @Test
    void hyperparametersAreChecked() {
        assertThatThrownBy(() -> new Sgd(0, 0.9)).hasMessageContaining("learningRate")
                .hasMessageContaining("0.0");
        assertThatThrownBy(() -> new Sgd(0.1, 1.0)).hasMessageContaining("momentum")
                .hasMessageContaining("1.0");
        assertThatThrownBy(() -> new Adam(Double.NaN, 0.9, 0.999, 1e-8))
                .hasMessageContaining("learningRate").hasMessageContaining("NaN");
        assertThatThrownBy(() -> new Adam(1e-3, -0.1, 0.999, 1e-8))
                .hasMessageContaining("betaOne").hasMessageContaining("-0.1");
        assertThatThrownBy(() -> new Adam(1e-3, 0.5, 1.0, 1e-8))
                .hasMessageContaining("betaTwo").hasMessageContaining("1.0");
        assertThatThrownBy(() -> new Adam(1e-3, 0.5, 0.999, 0))
                .hasMessageContaining("epsilon").hasMessageContaining("0.0");
    }

    @Test
    void velocityShapeIsChecked() {
        List<Tensor> parameters = parameters(new Rng(3));
        Sgd sgd = new Sgd(0.1, 0.0);

        assertThatThrownBy(() -> sgd.step(parameters,
                List.of(new DMatrixRMaj(2, 3), new DMatrixRMaj(1, 4))))
                .hasMessageContaining("velocity 1").hasMessageContaining("1×4")
                .hasMessageContaining("1×3");
    }

}
