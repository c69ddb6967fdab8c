package kgan.stats;

import org.ejml.data.DMatrixRMaj;

/**
 * A test of H₀: P = Q from a sample X of P and a sample Y of Q, both with points as rows.
 * Every procedure answers with the same {@link TestResult}. Tests are seeded at construction:
 * the same test on the same samples gives the same result, bit for bit.
 */
public interface TwoSampleTest {

    /**
     * Tests H₀: P = Q. x (n×d), y (m×d): Not modified.
     *
     * @throws IllegalArgumentException if the points differ in dimension or a sample is too
     *     small for the procedure (the message says how many points it needs)
     */
    TestResult perform(DMatrixRMaj x, DMatrixRMaj y);

    /** The fewest points each sample needs. */
    int minimumSampleSize();

    /** Throws unless x and y are usable samples of at least {@code minimum} points each. */
    static void requireSamples(String method, DMatrixRMaj x, DMatrixRMaj y, int minimum,
            String why) {
        if (x.numCols != y.numCols) {
            throw new IllegalArgumentException(method + ": the first sample has points of "
                    + "dimension " + x.numCols + " and the second of dimension " + y.numCols
                    + "; expected the same dimension");
        }
        if (x.numRows < minimum || y.numRows < minimum) {
            throw new IllegalArgumentException(method + ": samples of " + x.numRows + " and "
                    + y.numRows + " points; expected at least " + minimum + " in each ("
                    + why + ")");
        }
        if (!kgan.linalg.Dense.isFinite(x) || !kgan.linalg.Dense.isFinite(y)) {
            throw new IllegalArgumentException(method + ": a sample holds a NaN or infinite "
                    + "coordinate; expected finite numbers");
        }
    }

    /** Throws unless 0 &lt; α &lt; 1. */
    static double requireAlpha(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha = " + alpha
                    + "; expected a significance level strictly between 0 and 1");
        }
        return alpha;
    }
}
