package kgan.stats;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;

import kgan.kernel.GaussianKernel;
import kgan.kernel.Kernel;
import kgan.linalg.Dense;
import kgan.linalg.Rng;

/**
 * The kernel two-sample test of Gretton et al., "A Kernel Two-Sample Test" (2012), with MMD²
 * as the statistic and a permutation null.
 *
 * <p>The pooled sample Z = [X; Y] has N = n + m points and one Gram matrix K = k(Z, Z). Under
 * H₀ the labels "from X" and "from Y" are exchangeable, so the statistic of each of B random
 * relabellings (n points called X, m called Y) is a draw from its null distribution given Z.
 * The p-value p = (1 + #{b : T_b ≥ T}) / (1 + B) counts the observed labelling as one of the
 * draws; it makes P(p ≤ α) ≤ α exactly for every n, m and B, with equality when
 * α(1 + B) is an integer and there are no ties.
 *
 * <p>The kernel is fixed before the data are seen, or (by default) a Gaussian whose
 * bandwidth is the median heuristic on the pooled sample: that choice is invariant under
 * relabelling, so the permutation null stays exact.
 */
public final class MmdTest implements TwoSampleTest {

    private final Kernel kernel;
    private final boolean unbiased;
    private final int permutations;
    private final double alpha;
    private final long seed;

    /**
     * @param kernel k, or null for a Gaussian kernel with the median-heuristic bandwidth of
     *     the pooled sample
     * @param unbiased the U-statistic (diagonals excluded) rather than the V-statistic
     * @param permutations B, the number of random relabellings
     * @param alpha α, the significance level, 0 &lt; α &lt; 1
     * @param seed seeds the relabellings
     * @throws IllegalArgumentException for α outside (0, 1), or for so few permutations that
     *     the test could never reject, α(1 + B) &lt; 1
     */
    public MmdTest(Kernel kernel, boolean unbiased, int permutations, double alpha, long seed) {
        this.alpha = TwoSampleTest.requireAlpha(alpha);
        if (permutations < 1 || alpha * (1.0 + permutations) < 1.0) {
            throw new IllegalArgumentException("permutations = " + permutations + "; at α = "
                    + alpha + " the test needs at least " + minimumPermutations(alpha)
                    + " to be able to reject (the smallest p-value is 1/(1 + B))");
        }
        this.kernel = kernel;
        this.unbiased = unbiased;
        this.permutations = permutations;
        this.seed = seed;
    }

    /** The smallest B with α(1 + B) ≥ 1. */
    public static int minimumPermutations(double alpha) {
        return (int) Math.max(1, Math.ceil(1.0 / alpha - 1.0 - 1e-9));
    }

    @Override
    public int minimumSampleSize() {
        return 2;
    }

    @Override
    public TestResult perform(DMatrixRMaj x, DMatrixRMaj y) {
        String method = "mmd-permutation (" + (unbiased ? "unbiased" : "biased") + ")";
        TwoSampleTest.requireSamples(method, x, y, minimumSampleSize(),
                "the unbiased statistic leaves out each point's pairing with itself, and a "
                        + "relabelling needs two points to swap");
        int n = x.numRows;
        int m = y.numRows;
        DMatrixRMaj z = Dense.concatRows(x, y);
        Kernel k = kernel != null ? kernel : new GaussianKernel(Bandwidths.median(x, y));
        DMatrixRMaj gram = k.gram(z, z);
        double gramSum = Dense.sum(gram);

        int[] labelling = new int[n + m];
        for (int i = 0; i < labelling.length; i++) {
            labelling[i] = i;
        }
        double observed = statistic(gram, gramSum, labelling, n);

        Rng rng = new Rng(seed);
        double[] nullDraws = new double[permutations];
        int atLeast = 0;
        for (int b = 0; b < permutations; b++) {
            shuffle(labelling, rng);
            nullDraws[b] = statistic(gram, gramSum, labelling, n);
            if (nullDraws[b] >= observed) {
                atLeast++;
            }
        }
        double pValue = (1.0 + atLeast) / (1.0 + permutations);

        return new TestResult(method, observed, "permutation (B = " + permutations + ")",
                pValue, threshold(nullDraws, alpha), alpha, pValue <= alpha,
                k instanceof GaussianKernel g ? g.bandwidth() : Double.NaN,
                new int[] {n, m}, new double[0][]);
    }

    /**
     * The critical value: the k-th largest null draw with k = ⌊α(1 + B)⌋. The observed T
     * exceeds it exactly when fewer than k draws reach T, i.e. when p ≤ α, so the threshold
     * and the p-value always give the same decision.
     */
    static double threshold(double[] nullDraws, double alpha) {
        int k = (int) Math.floor(alpha * (1.0 + nullDraws.length) + 1e-9);
        double[] sorted = nullDraws.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length - k];
    }

    /**
     * MMD² of the labelling whose first n entries name the rows of Z called X. With
     * a_i = Σ_{j ∈ X} K_ij: S_XX = Σ_{i ∈ X} a_i, S_XY = Σ_{i ∈ Y} a_i and
     * S_YY = Σ K − S_XX − 2 S_XY (Σ K given), so one pass over the X columns of K suffices.
     */
    private double statistic(DMatrixRMaj gram, double gramSum, int[] labelling, int n) {
        int total = labelling.length;
        int m = total - n;
        double sumXX = 0;
        double sumXY = 0;
        double traceX = 0;
        double traceY = 0;
        for (int r = 0; r < total; r++) {
            int i = labelling[r];
            int offset = i * total;
            double a = 0;
            for (int s = 0; s < n; s++) {
                a += gram.data[offset + labelling[s]];
            }
            if (r < n) {
                sumXX += a;
                traceX += gram.data[offset + i];
            } else {
                sumXY += a;
                traceY += gram.data[offset + i];
            }
        }
        double sumYY = gramSum - sumXX - 2.0 * sumXY;

        if (unbiased) {
            return (sumXX - traceX) / ((double) n * (n - 1))
                    + (sumYY - traceY) / ((double) m * (m - 1))
                    - 2.0 * sumXY / ((double) n * m);
        }
        return sumXX / ((double) n * n) + sumYY / ((double) m * m)
                - 2.0 * sumXY / ((double) n * m);
    }

    /** Fisher–Yates: a uniformly random permutation of the entries, in place. */
    static void shuffle(int[] entries, Rng rng) {
        for (int i = entries.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = entries[i];
            entries[i] = entries[j];
            entries[j] = t;
        }
    }
}
