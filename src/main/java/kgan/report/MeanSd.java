package kgan.report;

import java.util.Locale;

/**
 * The mean and the sample standard deviation of one metric over the seeds of a method:
 * mean = (1/n) Σ x_i, sd = sqrt( Σ (x_i − mean)² / (n − 1) ). Non-finite values (a metric
 * not computed, a run that diverged) are left out and n counts the values kept; with one
 * value the standard deviation is undefined (NaN), with none the mean is too.
 *
 * @param mean the mean of the kept values
 * @param sd   their sample standard deviation (n − 1 in the denominator)
 * @param n    how many values were kept
 */
public record MeanSd(double mean, double sd, int n) {

    /** The mean and standard deviation of the finite entries of {@code values}. */
    public static MeanSd of(double[] values) {
        int n = 0;
        double sum = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                sum += v;
                n++;
            }
        }
        if (n == 0) {
            return new MeanSd(Double.NaN, Double.NaN, 0);
        }
        double mean = sum / n;

        // Two passes: the squared deviations from the mean, not E[x²] − mean², which
        // cancels badly when the spread is small against the mean.
        double squares = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                squares += (v - mean) * (v - mean);
            }
        }
        double sd = n > 1 ? Math.sqrt(squares / (n - 1)) : Double.NaN;
        return new MeanSd(mean, sd, n);
    }

    /**
     * "mean ± sd" with the given format for both numbers; "mean" alone from one value, "—"
     * from none.
     */
    public String format(String number) {
        if (n == 0) {
            return "—";
        }
        String m = String.format(Locale.ROOT, number, mean);
        return n == 1 ? m : m + " ± " + String.format(Locale.ROOT, number, sd);
    }
}
