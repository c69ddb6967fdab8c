package kgan.stats;

/**
 * The answer of every two-sample test, the same record whatever the procedure, so that
 * results can be compared and written side by side.
 *
 * @param method the procedure and its statistic, e.g. "mmd-permutation (unbiased)" or "me"
 * @param statistic the observed test statistic
 * @param nullDistribution how the null was obtained, e.g. "permutation (B = 500)" or
 *     "chi-squared (J = 5 degrees of freedom)"
 * @param pValue the probability under H₀: P = Q of a statistic at least as large
 * @param threshold the critical value: H₀ is rejected when the statistic exceeds it
 * @param alpha α, the significance level the decision was made at
 * @param reject the decision: true when p ≤ α (equivalently, statistic &gt; threshold)
 * @param bandwidth σ of the Gaussian kernel the statistic used (NaN for another kernel)
 * @param sampleSizes the numbers of points of the two samples that entered the statistic
 *     (for the ME test, those of its test half)
 * @param locations the witness locations v_1, …, v_J (J rows of d coordinates) for tests
 *     that have them; empty (no rows) otherwise
 */
public record TestResult(String method, double statistic, String nullDistribution,
        double pValue, double threshold, double alpha, boolean reject, double bandwidth,
        int[] sampleSizes, double[][] locations) {

    /** One line for a terminal: the decision and the numbers behind it. */
    public String describe() {
        return String.format("%s: statistic %.6g, threshold %.6g, p-value %.4g, α = %s: %s",
                method, statistic, threshold, pValue, alpha,
                reject ? "reject H0 (the samples differ)" : "do not reject H0");
    }
}
