package kgan.stats;

import java.util.List;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import kgan.autodiff.Autodiff;
import kgan.autodiff.Ops;
import kgan.autodiff.Tensor;
import kgan.linalg.Dense;
import kgan.linalg.Rng;

/**
 * The mean-embedding (ME) test with optimised witness locations, after Jitkrittum, Szabó,
 * Chwialkowski and Gretton, "Interpretable Distribution Features with Maximum Testing Power"
 * (NIPS 2016), with a Gaussian kernel k(x, v) = exp(−‖x − v‖² / (2σ²)).
 *
 * <p>The two samples are paired (x_i, y_i), i = 1, …, n (the larger sample is subsampled
 * to the size of the smaller), and each pair gives the feature vector
 * z_i = (k(x_i, v_j) − k(y_i, v_j))_{j = 1..J}. With the mean w̄ = (1/n) Σ z_i (the witness
 * at the locations) and the covariance S = (1/(n−1)) Σ (z_i − w̄)(z_i − w̄)ᵀ, the statistic
 * is λ = n w̄ᵀ (S + γI)⁻¹ w̄, asymptotically χ²_J under H₀ for locations chosen
 * independently of the pairs it is computed on.
 *
 * <p>So the pairs are shuffled and split: on the training half the locations V (and, if
 * asked, σ) ascend the power criterion w̄ᵀ(S + γI)⁻¹w̄; on the test half λ is compared
 * with χ²_J. The locations are where the two distributions differ most, in units of the witness's
 * noise: they are returned with the decision.
 */
public final class MeTest implements TwoSampleTest {

    /** γ, which keeps S + γI invertible when a feature has (nearly) no variance. */
    public static final double DEFAULT_GAMMA = 1e-5;

    /** Evaluations of the power criterion during the ascent. */
    public static final int DEFAULT_STEPS = 100;

    /** The first step moves the locations by this fraction of σ (and log σ by as much). */
    static final double INITIAL_STEP = 0.1;

    /** The ascent stops when its step has shrunk below this. */
    static final double SMALLEST_STEP = 1e-6;

    private final int locationCount;
    private final double alpha;
    private final long seed;
    private final double gamma;
    private final int steps;
    private final boolean optimiseBandwidth;

    /** J locations, γ = {@value #DEFAULT_GAMMA}, {@value #DEFAULT_STEPS} steps, σ optimised. */
    public MeTest(int locations, double alpha, long seed) {
        this(locations, alpha, seed, DEFAULT_GAMMA, DEFAULT_STEPS, true);
    }

    /**
     * @param locations J ≥ 1, the number of witness locations (the degrees of freedom)
     * @param alpha α, the significance level, 0 &lt; α &lt; 1
     * @param seed seeds the pairing, the split and the initial locations
     * @param gamma γ &gt; 0, the ridge added to S
     * @param steps evaluations of the power criterion in the ascent; 0 keeps the initial
     *     locations (random training points) and the median-heuristic σ
     * @param optimiseBandwidth whether σ ascends the criterion with the locations
     * @throws IllegalArgumentException for J &lt; 1, α outside (0, 1), γ ≤ 0 or steps &lt; 0
     */
    public MeTest(int locations, double alpha, long seed, double gamma, int steps,
            boolean optimiseBandwidth) {
        if (locations < 1) {
            throw new IllegalArgumentException("locations = " + locations
                    + "; expected at least 1");
        }
        if (!(gamma > 0) || !Double.isFinite(gamma)) {
            throw new IllegalArgumentException("gamma = " + gamma
                    + "; expected a positive, finite number");
        }
        if (steps < 0) {
            throw new IllegalArgumentException("steps = " + steps + "; expected at least 0");
        }
        this.locationCount = locations;
        this.alpha = TwoSampleTest.requireAlpha(alpha);
        this.seed = seed;
        this.gamma = gamma;
        this.steps = steps;
        this.optimiseBandwidth = optimiseBandwidth;
    }

    /**
     * 2(J + 1): each half holds at least J + 1 pairs, so that the test half's S can have
     * full rank J.
     */
    @Override
    public int minimumSampleSize() {
        return 2 * (locationCount + 1);
    }

    @Override
    public TestResult perform(DMatrixRMaj x, DMatrixRMaj y) {
        TwoSampleTest.requireSamples("me", x, y, minimumSampleSize(), "half of the pairs "
                + "place the " + locationCount + " locations, the other half test, and each "
                + "half needs more pairs than locations");
        Rng rng = new Rng(seed);
        int n = Math.min(x.numRows, y.numRows);
        DMatrixRMaj xPaired = randomRows(x, n, rng);
        DMatrixRMaj yPaired = randomRows(y, n, rng);
        int nTrain = n / 2;
        DMatrixRMaj xTrain = Dense.rows(xPaired, 0, nTrain);
        DMatrixRMaj yTrain = Dense.rows(yPaired, 0, nTrain);
        DMatrixRMaj xTest = Dense.rows(xPaired, nTrain, n);
        DMatrixRMaj yTest = Dense.rows(yPaired, nTrain, n);

        DMatrixRMaj pooledTrain = Dense.concatRows(xTrain, yTrain);
        double bandwidth = Bandwidths.median(pooledTrain);
        DMatrixRMaj locations = randomRows(pooledTrain, locationCount, rng);
        bandwidth = ascend(xTrain, yTrain, locations, bandwidth);

        double lambda = statistic(xTest, yTest, locations, bandwidth, gamma);
        ChiSquaredDistribution chi2 = ChiSquaredDistribution.of(locationCount);
        double pValue = chi2.survivalProbability(lambda);
        return new TestResult("me", lambda, "chi-squared (J = " + locationCount
                + " degrees of freedom)", pValue, chi2.inverseSurvivalProbability(alpha),
                alpha, pValue <= alpha, bandwidth, new int[] {n - nTrain, n - nTrain},
                toArrays(locations));
    }

    /**
     * λ = n w̄ᵀ (S + γI)⁻¹ w̄ for the pairs (x_i, y_i) (x and y have the same number n ≥ 2 of
     * rows), the locations v (J×d) and a Gaussian kernel of bandwidth σ. Not modified: any.
     */
    public static double statistic(DMatrixRMaj x, DMatrixRMaj y, DMatrixRMaj v,
            double bandwidth, double gamma) {
        if (x.numRows != y.numRows || x.numRows < 2) {
            throw new IllegalArgumentException("me statistic: " + x.numRows + " and "
                    + y.numRows + " points; expected the same number, at least 2, of pairs");
        }
        Tensor logBandwidth = Tensor.scalar(Math.log(bandwidth));
        Tensor criterion = Autodiff.noGrad(() -> powerCriterion(Tensor.constant(x),
                Tensor.constant(y), Tensor.constant(v), logBandwidth, gamma));
        return x.numRows * criterion.item();
    }

    /**
     * The power criterion w̄ᵀ (S + γI)⁻¹ w̄ (the statistic over n), 1×1, differentiable in
     * the locations v and in log σ.
     *
     * <p>The inverse is not an operation of the graph. Instead, with u = (S + γI)⁻¹ w̄ solved
     * numerically and held constant, the criterion is written as 2 w̄ᵀu − uᵀ(S + γI)u. That
     * has the same value, and, because q(w̄, A) = max_u (2 w̄ᵀu − uᵀAu) is attained at
     * u = A⁻¹w̄, the same first derivatives (the envelope theorem): ∂q/∂w̄ = 2u and
     * ∂q/∂A = −uuᵀ. Second derivatives of this form are not those of q: it serves gradient
     * ascent only.
     */
    static Tensor powerCriterion(Tensor x, Tensor y, Tensor v, Tensor logBandwidth,
            double gamma) {
        Tensor z = Ops.sub(gaussianGram(x, v, logBandwidth),
                gaussianGram(y, v, logBandwidth));
        int n = z.rows();
        int j = z.cols();

        Tensor mean = Ops.scale(Ops.columnSums(z), 1.0 / n);
        Tensor centred = Ops.sub(z, Ops.repeatRow(mean, n));
        Tensor covariance = Ops.scale(Ops.matmulTransA(centred, centred), 1.0 / (n - 1));
        DMatrixRMaj ridge = CommonOps_DDRM.identity(j);
        CommonOps_DDRM.scale(gamma, ridge);
        Tensor a = Ops.add(covariance, Tensor.constant(ridge));

        DMatrixRMaj solved = new DMatrixRMaj(j, 1);
        if (!CommonOps_DDRM.solveSPD(a.value().copy(), Dense.transpose(mean.value()), solved)) {
            CommonOps_DDRM.solve(a.value(), Dense.transpose(mean.value()), solved);
        }
        Tensor u = Tensor.constant(solved);

        Tensor linear = Ops.scale(Ops.matmul(mean, u), 2.0);
        Tensor quadratic = Ops.matmulTransA(u, Ops.matmul(a, u));
        return Ops.sub(linear, quadratic);
    }

    /** K_ij = exp(−‖x_i − v_j‖² / (2σ²)) with σ = exp(s), differentiable in x, v and s. */
    static Tensor gaussianGram(Tensor x, Tensor v, Tensor logBandwidth) {
        Tensor coefficient = Ops.scale(Ops.exp(Ops.scale(logBandwidth, -2.0)), -0.5);
        Tensor d2 = Ops.squaredDistances(x, v);
        return Ops.exp(Ops.mul(d2, Ops.fill(coefficient, d2.rows(), d2.cols())));
    }

    /**
     * Gradient ascent of the power criterion on the training pairs, in place on the locations;
     * returns the final σ. The direction is the gradient in the scale-free coordinates
     * (V/σ, log σ), normalised; a step that does not raise the criterion is undone and
     * halved, one that does grows the next by a fifth. So the criterion never decreases,
     * whatever the scale of the data.
     */
    private double ascend(DMatrixRMaj xTrain, DMatrixRMaj yTrain, DMatrixRMaj locations,
            double bandwidth) {
        if (steps == 0) {
            return bandwidth;
        }
        Tensor x = Tensor.constant(xTrain);
        Tensor y = Tensor.constant(yTrain);
        DMatrixRMaj v = locations.copy();
        double s = Math.log(bandwidth);
        Evaluation current = evaluate(x, y, v, s);
        double step = INITIAL_STEP;

        for (int t = 1; t < steps && step >= SMALLEST_STEP; t++) {
            double sigma = Math.exp(s);
            double norm2 = current.gradS * current.gradS;
            for (double g : current.gradV.data) {
                norm2 += (g * sigma) * (g * sigma);
            }
            if (!(norm2 > 0) || !Double.isFinite(norm2)) {
                break;
            }
            double scale = step / Math.sqrt(norm2);
            DMatrixRMaj vNext = v.copy();
            for (int k = 0; k < vNext.data.length; k++) {
                vNext.data[k] += scale * sigma * sigma * current.gradV.data[k];
            }
            double sNext = optimiseBandwidth ? s + scale * current.gradS : s;

            Evaluation next = evaluate(x, y, vNext, sNext);
            if (next.value > current.value) {
                v = vNext;
                s = sNext;
                current = next;
                step *= 1.2;
            } else {
                step *= 0.5;
            }
        }
        locations.setTo(v);
        return Math.exp(s);
    }

    private record Evaluation(double value, DMatrixRMaj gradV, double gradS) {
    }

    private Evaluation evaluate(Tensor x, Tensor y, DMatrixRMaj v, double s) {
        Tensor vParameter = Tensor.parameter(v.copy());
        Tensor sParameter = optimiseBandwidth ? Tensor.parameter(Dense.scalar(s))
                : Tensor.scalar(s);
        Tensor criterion = powerCriterion(x, y, vParameter, sParameter, gamma);
        if (!Double.isFinite(criterion.item())) {
            return new Evaluation(Double.NEGATIVE_INFINITY, new DMatrixRMaj(v.numRows,
                    v.numCols), 0.0);
        }
        List<Tensor> grads = Autodiff.grad(criterion, List.of(vParameter, sParameter),
                false);
        return new Evaluation(criterion.item(), grads.get(0).value(),
                optimiseBandwidth ? grads.get(1).value().data[0] : 0.0);
    }

    /** {@code count} distinct rows of a, in random order. a: Not modified. */
    private static DMatrixRMaj randomRows(DMatrixRMaj a, int count, Rng rng) {
        int[] order = new int[a.numRows];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        MmdTest.shuffle(order, rng);
        DMatrixRMaj out = new DMatrixRMaj(count, a.numCols);
        for (int i = 0; i < count; i++) {
            System.arraycopy(a.data, order[i] * a.numCols, out.data, i * a.numCols,
                    a.numCols);
        }
        return out;
    }

    private static double[][] toArrays(DMatrixRMaj a) {
        double[][] rows = new double[a.numRows][];
        for (int i = 0; i < a.numRows; i++) {
            rows[i] = java.util.Arrays.copyOfRange(a.data, i * a.numCols, (i + 1) * a.numCols);
        }
        return rows;
    }
}
