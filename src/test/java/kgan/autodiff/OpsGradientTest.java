package kgan.autodiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import kgan.linalg.Dense;
import kgan.linalg.Rng;

/**
 * Every public operation of {@link Ops}, first and second order, against central differences.
 *
 * <p>Second order is checked twice: on the operation itself (its partial rule differentiated
 * with respect to the inputs) and on tanh of it (the partial rule differentiated with respect
 * to the incoming gradient g as well, which is what makes linear operations non-trivial).
 */
class OpsGradientTest {

    /** One operation applied to fixed inputs; {@code op} is the name of the Ops method. */
    record Case(String op, Function<List<Tensor>, Tensor> f, List<DMatrixRMaj> inputs) {

        @Override
        public String toString() {
            return op + inputs.stream().map(m -> m.numRows + "×" + m.numCols).toList();
        }
    }

    /** Entries of random sign with |v| in [0.2, 1.2]: at least 0.2 away from the ReLU kink. */
    private static DMatrixRMaj general(Rng rng, int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            double magnitude = 0.2 + rng.nextDouble();
            m.data[i] = rng.nextDouble() < 0.5 ? -magnitude : magnitude;
        }
        return m;
    }

    /** Entries in [0.5, 1.5], for log, sqrt, pow and divisors. */
    private static DMatrixRMaj positive(Rng rng, int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = 0.5 + rng.nextDouble();
        }
        return m;
    }

    private static Case unary(String op, Function<Tensor, Tensor> f, DMatrixRMaj a) {
        return new Case(op, xs -> f.apply(xs.get(0)), List.of(a));
    }

    private static Case binary(String op, BiFunction<Tensor, Tensor, Tensor> f, DMatrixRMaj a,
            DMatrixRMaj b) {
        return new Case(op, xs -> f.apply(xs.get(0), xs.get(1)), List.of(a, b));
    }

    static List<Case> cases() {
        Rng rng = new Rng(20240601L);
        List<Case> cases = new ArrayList<>();
        cases.add(binary("matmul", Ops::matmul, general(rng, 2, 3), general(rng, 3, 2)));
        cases.add(binary("matmulTransA", Ops::matmulTransA, general(rng, 3, 2),
                general(rng, 3, 4)));
        cases.add(binary("matmulTransB", Ops::matmulTransB, general(rng, 2, 3),
                general(rng, 4, 3)));
        cases.add(binary("add", Ops::add, general(rng, 2, 3), general(rng, 2, 3)));
        cases.add(binary("sub", Ops::sub, general(rng, 2, 3), general(rng, 2, 3)));
        cases.add(binary("mul", Ops::mul, general(rng, 2, 3), general(rng, 2, 3)));
        cases.add(binary("div", Ops::div, general(rng, 2, 3), positive(rng, 2, 3)));
        cases.add(unary("scale", a -> Ops.scale(a, -2.5), general(rng, 2, 3)));
        cases.add(unary("neg", Ops::neg, general(rng, 2, 3)));
        cases.add(unary("plus", a -> Ops.plus(a, 0.7), general(rng, 2, 3)));
        cases.add(unary("square", Ops::square, general(rng, 2, 3)));
        cases.add(unary("sqrt", Ops::sqrt, positive(rng, 2, 3)));
        cases.add(unary("exp", Ops::exp, general(rng, 2, 3)));
        cases.add(unary("log", Ops::log, positive(rng, 2, 3)));
        cases.add(unary("pow", a -> Ops.pow(a, 2.5), positive(rng, 2, 3)));
        cases.add(unary("pow", a -> Ops.pow(a, -1.5), positive(rng, 2, 3)));
        cases.add(unary("relu", Ops::relu, general(rng, 3, 3)));
        cases.add(unary("leakyRelu", a -> Ops.leakyRelu(a, 0.2), general(rng, 3, 3)));
        cases.add(unary("tanh", Ops::tanh, general(rng, 2, 3)));
        cases.add(unary("sigmoid", Ops::sigmoid, general(rng, 2, 3)));
        cases.add(unary("softplus", Ops::softplus, general(rng, 2, 3)));
        cases.add(unary("logSigmoid", Ops::logSigmoid, general(rng, 2, 3)));
        cases.add(unary("oneMinus", Ops::oneMinus, general(rng, 2, 3)));
        cases.add(binary("addRow", Ops::addRow, general(rng, 3, 2), general(rng, 1, 2)));
        cases.add(binary("addColumn", Ops::addColumn, general(rng, 3, 2),
                general(rng, 3, 1)));
        cases.add(unary("columnSums", Ops::columnSums, general(rng, 3, 2)));
        cases.add(unary("rowSums", Ops::rowSums, general(rng, 3, 2)));
        cases.add(unary("repeatRow", a -> Ops.repeatRow(a, 3), general(rng, 1, 2)));
        cases.add(unary("repeatColumn", a -> Ops.repeatColumn(a, 3), general(rng, 2, 1)));
        cases.add(unary("sum", Ops::sum, general(rng, 2, 3)));
        cases.add(unary("mean", Ops::mean, general(rng, 2, 3)));
        cases.add(unary("fill", a -> Ops.fill(a, 2, 3), general(rng, 1, 1)));
        cases.add(unary("diagonal", Ops::diagonal, general(rng, 3, 3)));
        cases.add(unary("diagonalMatrix", Ops::diagonalMatrix, general(rng, 3, 1)));
        cases.add(unary("rows", a -> Ops.rows(a, 1, 3), general(rng, 4, 2)));
        cases.add(unary("padRows", a -> Ops.padRows(a, 1, 4), general(rng, 2, 2)));
        cases.add(binary("concatRows", Ops::concatRows, general(rng, 2, 3),
                general(rng, 1, 3)));
        cases.add(binary("squaredDistances", Ops::squaredDistances, general(rng, 3, 2),
                general(rng, 2, 2)));
        cases.add(unary("squaredDistances", a -> Ops.squaredDistances(a, a),
                general(rng, 3, 2)));
        cases.add(binary("gaussianGram", (x, y) -> Ops.gaussianGram(x, y, 0.9),
                general(rng, 3, 2), general(rng, 2, 2)));
        cases.add(unary("gaussianGram", a -> Ops.gaussianGram(a, a, 0.9), general(rng, 3, 2)));
        cases.add(binary("mulRowsBy", Ops::mulRowsBy, general(rng, 2, 3), general(rng, 2, 1)));
        cases.add(unary("transpose", Ops::transpose, general(rng, 2, 3)));
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void firstOrder(Case c) {
        GradientCheck.Report report = GradientCheck.firstOrder(c.f(), c.inputs(), 11);

        assertThat(report.passed()).as(report.toString()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void secondOrder(Case c) {
        GradientCheck.Report report = GradientCheck.secondOrder(c.f(), c.inputs(), 12);

        assertThat(report.passed()).as(report.toString()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void secondOrderUnderTanh(Case c) {
        GradientCheck.Report report = GradientCheck.secondOrder(
                xs -> Ops.tanh(c.f().apply(xs)), c.inputs(), 13);

        assertThat(report.passed()).as(report.toString()).isTrue();
    }

    @Test
    void everyPublicOperationHasACase() {
        Set<String> operations = new TreeSet<>();
        for (Method m : Ops.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers())
                    && m.getReturnType() == Tensor.class) {
                operations.add(m.getName());
            }
        }
        Set<String> covered = new TreeSet<>();
        for (Case c : cases()) {
            covered.add(c.op());
        }

        assertThat(covered).containsAll(operations);
    }

    @Test
    void plainSquaredDistancesMatchTheDefinition() {
        Rng rng = new Rng(5);
        DMatrixRMaj x = general(rng, 4, 3);
        DMatrixRMaj y = general(rng, 2, 3);

        DMatrixRMaj d = Ops.squaredDistances(x, y);

        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 2; j++) {
                double direct = 0;
                for (int k = 0; k < 3; k++) {
                    double diff = x.get(i, k) - y.get(j, k);
                    direct += diff * diff;
                }
                // Both sides sum at most 3 terms of size ≤ 1.44 each in two ways; expanding
                // ‖x‖² + ‖y‖² − 2xᵀy loses at most about 16 ε times their magnitude (< 20).
                assertThat(d.get(i, j)).isCloseTo(direct, offset(16 * Math.ulp(20.0)));
            }
        }
    }

    @Test
    void gaussianGramSplitBetweenThreadsKeepsTheChainsNumbers() {
        // 300×300 entries are above the size from which the rows (and, for one matrix, the
        // triangle and its mirror) are split between two threads: still the chain's numbers.
        Rng rng = new Rng(8);
        DMatrixRMaj x = general(rng, 300, 2);
        DMatrixRMaj y = general(rng, 301, 2);
        double bandwidth = 0.5;
        double alpha = -0.5 / (bandwidth * bandwidth);
        for (DMatrixRMaj other : List.of(x, y)) {
            DMatrixRMaj chain = Dense.map(Ops.squaredDistances(x, other), d -> Math.exp(alpha * d));
            assertThat(Ops.gaussianGram(x, other, bandwidth).data).containsExactly(chain.data);
        }
    }

    @Test
    void gaussianGramEqualsExpOfScaledDistancesBitForBit() {
        // The fused op must give the composed chain's numbers exactly (the training runs stay
        // byte-identical), values and gradients, with X and Y distinct or one matrix.
        Rng rng = new Rng(6);
        Tensor x = Tensor.parameter(general(rng, 7, 2));
        Tensor y = Tensor.parameter(general(rng, 5, 2));
        double bandwidth = 0.7;
        double alpha = -0.5 / (bandwidth * bandwidth);
        Tensor weights = Tensor.constant(general(rng, 7, 7));
        for (Tensor other : List.of(x, y)) {
            Tensor fused = Ops.gaussianGram(x, other, bandwidth);
            Tensor chain = Ops.exp(Ops.scale(Ops.squaredDistances(x, other), alpha));
            assertThat(fused.value().data).containsExactly(chain.value().data);

            Tensor w = Ops.rows(weights, 0, other.rows());
            List<Tensor> fusedGrad = Autodiff.grad(
                    Ops.sum(Ops.mul(Ops.transpose(w), fused)), List.of(x, y), false);
            List<Tensor> chainGrad = Autodiff.grad(
                    Ops.sum(Ops.mul(Ops.transpose(w), chain)), List.of(x, y), false);
            for (int p = 0; p < 2; p++) {
                assertThat(fusedGrad.get(p).value().data)
                        .containsExactly(chainGrad.get(p).value().data);
            }
        }
        DMatrixRMaj square = Ops.gaussianGram(x.value(), x.value(), bandwidth);
        assertThat(square.data).containsExactly(Dense.transpose(square).data);
    }

    @Test
    void squaredDistancesPropagateNaN() {
        DMatrixRMaj x = Dense.of(1, 2, Double.NaN, 0.0);
        DMatrixRMaj y = Dense.of(1, 2, 1.0, 0.0);

        assertThat(Ops.squaredDistances(x, y).get(0, 0)).isNaN();
    }
}
