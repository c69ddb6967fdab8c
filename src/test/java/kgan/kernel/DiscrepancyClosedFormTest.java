package kgan.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import kgan.autodiff.Tensor;
import kgan.linalg.Dense;
import kgan.linalg.Rng;

/**
 * The estimators against the closed forms for Gaussian samples and the Gaussian kernel with
 * bandwidth σ: for P = N(m_1, s_1² I_d) and Q = N(m_2, s_2² I_d),
 * E k(x, y) = (σ² / (σ² + s_1² + s_2²))^{d/2} exp(−‖m_1 − m_2‖² / (2(σ² + s_1² + s_2²))),
 * and μ_P(v) = (σ² / (σ² + s_1²))^{d/2} exp(−‖v − m_1‖² / (2(σ² + s_1²))).
 *
 * <p>Each check compares an average of independent terms with its expectation, within
 * Z = 4 standard errors estimated from the same terms. By the central limit theorem
 * (the averages are over at least 1,000 terms, so the Student t with that many degrees of
 * freedom is within 1e-5 of the normal tail) a correct estimator fails one check with
 * probability about 6.3e-5; the seeds are fixed, so a pass is reproducible. The checks of
 * MMD² also assert that their bound is below half the smallest slip in normalisation,
 * E k(x, x')/n or E k(y, y')/m (one off-diagonal sum divided by n² instead of n(n − 1)), so
 * that such a slip, or confusing the two estimators, fails unless the noise is Z standard
 * errors against it.
 */
class DiscrepancyClosedFormTest {

    private static final double Z = 4.0;

    private static final int D = 2;
    private static final double BANDWIDTH = 1.0;
    private static final double[] MEAN_P = {0.0, 0.0};
    private static final double STD_P = 1.0;
    private static final double[] MEAN_Q = {0.6, -0.3};
    private static final double STD_Q = 0.7;

    private static final Kernel KERNEL = new GaussianKernel(BANDWIDTH);

    /** E k(x, y) for x ~ N(a, sa² I_d), y ~ N(b, sb² I_d) independent. */
    private static double expectedKernel(double[] a, double sa, double[] b, double sb) {
        double spread = BANDWIDTH * BANDWIDTH + sa * sa + sb * sb;
        return Math.pow(BANDWIDTH * BANDWIDTH / spread, D / 2.0)
                * Math.exp(-squaredDistance(a, b) / (2 * spread));
    }

    /** μ_P(v) for P = N(a, sa² I_d): E k(x, v) with v fixed, that is sb = 0. */
    private static double meanEmbedding(double[] a, double sa, double[] v) {
        return expectedKernel(a, sa, v, 0.0);
    }

    private static double squaredDistance(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += (a[k] - b[k]) * (a[k] - b[k]);
        }
        return s;
    }

    /** n draws of N(mean, std² I_d) as rows. */
    private static DMatrixRMaj sample(Rng rng, int n, double[] mean, double std) {
        DMatrixRMaj x = rng.gaussian(n, D);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < D; k++) {
                x.set(i, k, mean[k] + std * x.get(i, k));
            }
        }
        return x;
    }

    private static double mmd2() {
        return expectedKernel(MEAN_P, STD_P, MEAN_P, STD_P)
                + expectedKernel(MEAN_Q, STD_Q, MEAN_Q, STD_Q)
                - 2 * expectedKernel(MEAN_P, STD_P, MEAN_Q, STD_Q);
    }

    /**
     * The excess of the biased estimator's expectation over MMD²:
     * (k(x, x) − E k(x, x'))/n + (k(y, y) − E k(y, y'))/m, with k(x, x) = 1 here.
     */
    private static double biasedExcess(int n, int m) {
        return (1 - expectedKernel(MEAN_P, STD_P, MEAN_P, STD_P)) / n
                + (1 - expectedKernel(MEAN_Q, STD_Q, MEAN_Q, STD_Q)) / m;
    }

    /** Half the smaller of E k(x, x')/n and E k(y, y')/m, the normalisation slips. */
    private static double halfSmallestSlip() {
        return Math.min(expectedKernel(MEAN_P, STD_P, MEAN_P, STD_P) / N,
                expectedKernel(MEAN_Q, STD_Q, MEAN_Q, STD_Q) / M) / 2;
    }

    /** Mean and standard error of the mean of the values. */
    private static double[] meanAndStandardError(double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;

        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double variance = squares / (values.length - 1);

        return new double[] {mean, Math.sqrt(variance / values.length)};
    }

    private static final int N = 32;
    private static final int M = 24;
    private static final int REPETITIONS = 4000;

    /** {unbiased, biased} MMD² over independent repetitions, from one seeded source. */
    private static double[][] repeatedMmd2(long seed) {
        Rng rng = new Rng(seed);
        double[][] estimates = new double[2][REPETITIONS];
        for (int r = 0; r < REPETITIONS; r++) {
            Tensor x = Tensor.constant(sample(rng, N, MEAN_P, STD_P));
            Tensor y = Tensor.constant(sample(rng, M, MEAN_Q, STD_Q));
            Grams grams = Grams.of(KERNEL, x, y);
            estimates[0][r] = Discrepancy.mmd2Unbiased(grams).item();
            estimates[1][r] = Discrepancy.mmd2Biased(grams).item();
        }
        return estimates;
    }

    @Test
    void unbiasedMmd2AveragesToThePopulationValue() {
        double[] unbiased = meanAndStandardError(repeatedMmd2(101)[0]);
        double bound = Z * unbiased[1];

        assertThat(bound).as("bound below half a slip").isLessThan(halfSmallestSlip());
        assertThat(unbiased[0]).isCloseTo(mmd2(), within(bound));
    }

    @Test
    void biasedMmd2AveragesToThePopulationValuePlusItsExcess() {
        double[] biased = meanAndStandardError(repeatedMmd2(102)[1]);
        double bound = Z * biased[1];

        assertThat(bound).as("bound below half a slip").isLessThan(halfSmallestSlip());
        assertThat(biased[0]).isCloseTo(mmd2() + biasedExcess(N, M), within(bound));
    }

    private static final int LARGE = 100_000;
    private static final DMatrixRMaj WITNESS_POINTS = Dense.of(4, 2,
            0.0, 0.0,
            0.6, -0.3,
            1.0, 0.5,
            -1.5, 2.0);

    /** The sample variance of each row of a J×n matrix, J×1. */
    private static double[] rowVariances(DMatrixRMaj k) {
        double[] variances = new double[k.numRows];
        for (int j = 0; j < k.numRows; j++) {
            double[] row = new double[k.numCols];
            System.arraycopy(k.data, j * k.numCols, row, 0, k.numCols);
            double standardError = meanAndStandardError(row)[1];
            variances[j] = standardError * standardError * k.numCols;
        }
        return variances;
    }

    @Test
    void meanEmbeddingMatchesTheClosedFormWithinItsStandardError() {
        DMatrixRMaj x = sample(new Rng(103), LARGE, MEAN_P, STD_P);

        DMatrixRMaj embedding = Discrepancy.meanEmbedding(KERNEL, Tensor.constant(x),
                Tensor.constant(WITNESS_POINTS)).value();
        double[] variances = rowVariances(KERNEL.gram(WITNESS_POINTS, x));

        for (int j = 0; j < WITNESS_POINTS.numRows; j++) {
            double[] v = {WITNESS_POINTS.get(j, 0), WITNESS_POINTS.get(j, 1)};
            double bound = Z * Math.sqrt(variances[j] / LARGE);
            assertThat(embedding.get(j)).as("μ_P(v_%d)", j)
                    .isCloseTo(meanEmbedding(MEAN_P, STD_P, v), within(bound));
        }
    }

    @Test
    void witnessMatchesTheClosedFormWithinItsStandardError() {
        Rng rng = new Rng(104);
        DMatrixRMaj x = sample(rng, LARGE, MEAN_P, STD_P);
        DMatrixRMaj y = sample(rng, LARGE, MEAN_Q, STD_Q);

        DMatrixRMaj witness = Discrepancy.witness(KERNEL, Tensor.constant(x),
                Tensor.constant(y), Tensor.constant(WITNESS_POINTS)).value();
        double[] variancesX = rowVariances(KERNEL.gram(WITNESS_POINTS, x));
        double[] variancesY = rowVariances(KERNEL.gram(WITNESS_POINTS, y));

        for (int j = 0; j < WITNESS_POINTS.numRows; j++) {
            double[] v = {WITNESS_POINTS.get(j, 0), WITNESS_POINTS.get(j, 1)};
            double expected = meanEmbedding(MEAN_P, STD_P, v) - meanEmbedding(MEAN_Q, STD_Q, v);
            double bound = Z * Math.sqrt(variancesX[j] / LARGE + variancesY[j] / LARGE);
            assertThat(witness.get(j)).as("w(v_%d)", j).isCloseTo(expected, within(bound));
        }
    }
}
