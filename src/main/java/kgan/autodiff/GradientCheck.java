package kgan.autodiff;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;

/**
 * Checks reverse-mode gradients against central differences.
 *
 * <p>A function f of several matrix inputs is reduced to the scalar s = Σ r ⊙ f with fixed
 * random weights r, so one check covers every output entry. For each input entry x the
 * central difference D(h) = (s(x + h) − s(x − h)) / 2h has truncation error c h² + O(h⁴);
 * comparing D(h) with D(h/2) measures it: the error of D(h/2) is about |D(h) − D(h/2)| / 3.
 * Rounding adds at most about κ ε max|s| / h, where ε is the machine epsilon and κ bounds
 * the relative rounding error of one evaluation of s (here a generous 2⁸, the evaluations
 * being short chains of dense operations). The tolerance is the sum of the two, plus the
 * same rounding bound applied to the analytic gradient itself.
 *
 * <p>Second derivatives are checked as first derivatives of a gradient: {@link #secondOrder}
 * builds s'(x) = Σ r' ⊙ ∇s(x) with {@code createGraph} and checks its gradient the same way.
 */
public final class GradientCheck {

    private static final double EPS = Math.ulp(1.0);
    private static final double ROUNDING_FACTOR = 256;

    /** The worst entry found: its error, its tolerance and where it is. */
    public record Report(double worstRatio, double error, double tolerance, int input,
            int entry, double analytic, double numeric) {

        /** True when every entry's error is within its tolerance. */
        public boolean passed() {
            return worstRatio <= 1.0;
        }

        @Override
        public String toString() {
            return String.format("input %d entry %d: analytic %.12g, numeric %.12g, "
                    + "error %.3g, tolerance %.3g (ratio %.3g)", input, entry, analytic,
                    numeric, error, tolerance, worstRatio);
        }
    }

    private GradientCheck() {
    }

    /** Compares the gradient of Σ r ⊙ f(inputs) with central differences. */
    public static Report firstOrder(Function<List<Tensor>, Tensor> f, List<DMatrixRMaj> inputs,
            long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        List<Tensor> probe = parameters(inputs);
        DMatrixRMaj weights = randomLike(f.apply(probe).value(), rng);
        Function<List<Tensor>, Tensor> s = xs -> Ops.sum(Ops.mul(f.apply(xs),
                Tensor.constant(weights)));
        return compare(s, inputs);
    }

    /**
     * Compares the gradient of Σ r' ⊙ ∇(Σ r ⊙ f) with central differences, which checks every
     * operation's partial rule for differentiability (gradients of gradients).
     */
    public static Report secondOrder(Function<List<Tensor>, Tensor> f,
            List<DMatrixRMaj> inputs, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        List<Tensor> probe = parameters(inputs);
        DMatrixRMaj weights = randomLike(f.apply(probe).value(), rng);
        List<DMatrixRMaj> gradWeights = new ArrayList<>();
        for (DMatrixRMaj x : inputs) {
            gradWeights.add(randomLike(x, rng));
        }
        Function<List<Tensor>, Tensor> s = xs -> {
            Tensor inner = Ops.sum(Ops.mul(f.apply(xs), Tensor.constant(weights)));
            List<Tensor> grads = Autodiff.grad(inner, xs, true);
            Tensor total = Tensor.scalar(0.0);
            for (int k = 0; k < grads.size(); k++) {
                total = Ops.add(total, Ops.sum(Ops.mul(grads.get(k),
                        Tensor.constant(gradWeights.get(k)))));
            }
            return total;
        };
        return compare(s, inputs);
    }

    private static Report compare(Function<List<Tensor>, Tensor> s, List<DMatrixRMaj> inputs) {
        List<Tensor> xs = parameters(inputs);
        Tensor value = s.apply(xs);
        List<Tensor> grads = Autodiff.grad(value, xs, false);

        Report worst = new Report(0, 0, 0, -1, -1, 0, 0);
        for (int k = 0; k < inputs.size(); k++) {
            DMatrixRMaj x = xs.get(k).value();
            for (int e = 0; e < x.getNumElements(); e++) {
                double original = x.data[e];
                double h = Math.cbrt(EPS) * Math.max(1.0, Math.abs(original));
                double[] coarse = centralDifference(s, xs, x, e, h);
                double[] fine = centralDifference(s, xs, x, e, h / 2);
                x.data[e] = original;

                double analytic = grads.get(k).value().data[e];
                double truncation = Math.abs(coarse[0] - fine[0]) / 3.0;
                double rounding = ROUNDING_FACTOR * EPS * Math.max(coarse[1], fine[1]) / (h / 2)
                        + ROUNDING_FACTOR * EPS * Math.abs(analytic);
                double tolerance = truncation + rounding;
                double error = Math.abs(analytic - fine[0]);
                double ratio = ratio(error, tolerance);
                if (ratio > worst.worstRatio || worst.input < 0) {
                    worst = new Report(ratio, error, tolerance, k, e, analytic, fine[0]);
                }
            }
        }
        return worst;
    }

    /**
     * error / tolerance, with exact agreement counting as 0 even where the tolerance is 0, and
     * any NaN (a non-finite gradient or function value) counting as an infinite failure: NaN
     * compares false with everything, so left as it is it would never become the worst entry.
     */
    private static double ratio(double error, double tolerance) {
        if (Double.isNaN(error) || Double.isNaN(tolerance)) {
            return Double.POSITIVE_INFINITY;
        }
        if (error == 0) {
            return 0;
        }
        return error / tolerance;
    }

    /** {D(h), max |s|} for entry e of x. Leaves x.data[e] changed; the caller restores it. */
    private static double[] centralDifference(Function<List<Tensor>, Tensor> s, List<Tensor> xs,
            DMatrixRMaj x, int e, double h) {
        double original = x.data[e];
        x.data[e] = original + h;
        double plus = s.apply(xs).item();
        x.data[e] = original - h;
        double minus = s.apply(xs).item();
        x.data[e] = original;
        return new double[] {(plus - minus) / (2 * h), Math.max(Math.abs(plus), Math.abs(minus))};
    }

    private static List<Tensor> parameters(List<DMatrixRMaj> inputs) {
        List<Tensor> xs = new ArrayList<>();
        for (DMatrixRMaj x : inputs) {
            xs.add(Tensor.parameter(x.copy()));
        }
        return xs;
    }

    private static DMatrixRMaj randomLike(DMatrixRMaj shape, UniformRandomProvider rng) {
        DMatrixRMaj r = new DMatrixRMaj(shape.numRows, shape.numCols);
        for (int i = 0; i < r.data.length && i < r.getNumElements(); i++) {
            r.data[i] = 2 * rng.nextDouble() - 1;
        }
        return r;
    }
}
