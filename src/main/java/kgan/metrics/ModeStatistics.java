package kgan.metrics;

import java.util.Arrays;

/**
 * How a sample of n points covers the K modes of a known mixture (see {@link ModeMetrics}).
 *
 * <p>Each finite sample is assigned to its nearest centre; it is high quality when it lies
 * within the quality radius (3 standard deviations by default) of that centre.
 *
 * @param samples            n, the number of samples evaluated
 * @param nonFiniteSamples   samples with a NaN or infinite coordinate; they are assigned to
 *                           no mode and are never high quality
 * @param highQualitySamples the number of high-quality samples, Σ_k h_k
 * @param modesCovered       the number of modes k with h_k ≥ the coverage count (20 by
 *                           default)
 * @param klFromUniform      KL(p ‖ u) = Σ_k p_k log(p_k K), where p_k = h_k / Σ_j h_j is the
 *                           high-quality mode histogram and u the uniform distribution on the
 *                           K modes, with 0 log 0 = 0. It is 0 when the high-quality samples
 *                           spread evenly and log K when they all fall on one mode. With no
 *                           high-quality sample at all p is undefined; the value is then log K,
 *                           the largest KL(p ‖ u) can be, so that a collapsed or diverged model
 *                           scores as badly as full collapse and curves stay finite
 * @param highQualityCounts  h_k, the high-quality samples assigned to mode k
 * @param nearestCounts      m_k, all finite samples whose nearest centre is mode k, high
 *                           quality or not
 * @param covered            whether mode k is covered
 */
public record ModeStatistics(
        int samples,
        int nonFiniteSamples,
        int highQualitySamples,
        int modesCovered,
        double klFromUniform,
        int[] highQualityCounts,
        int[] nearestCounts,
        boolean[] covered) {

    public ModeStatistics {
        highQualityCounts = highQualityCounts.clone();
        nearestCounts = nearestCounts.clone();
        covered = covered.clone();
    }

    /** h_k per mode (a copy). */
    @Override
    public int[] highQualityCounts() {
        return highQualityCounts.clone();
    }

    /** m_k per mode (a copy). */
    @Override
    public int[] nearestCounts() {
        return nearestCounts.clone();
    }

    /** Whether each mode is covered (a copy). */
    @Override
    public boolean[] covered() {
        return covered.clone();
    }

    /** K, the number of modes. */
    public int modeCount() {
        return highQualityCounts.length;
    }

    /** Σ_k h_k / n, in [0, 1]. */
    public double highQualityFraction() {
        return highQualitySamples / (double) samples;
    }

    /** 100 Σ_k h_k / n, the high-quality percentage. */
    public double highQualityPercent() {
        return 100.0 * highQualityFraction();
    }

    /** m_k / n: the share of all samples whose nearest centre is mode k. */
    public double[] nearestShares() {
        return shares(nearestCounts);
    }

    /**
     * h_k / n: the share of all samples that are high quality on mode k. For a rare mode
     * of weight π_k, a model that matches the data gives about π_k (minus the 0.3% of
     * Gaussian mass beyond 3 std).
     */
    public double[] highQualityShares() {
        return shares(highQualityCounts);
    }

    private double[] shares(int[] counts) {
        double[] s = new double[counts.length];
        for (int k = 0; k < counts.length; k++) {
            s[k] = counts[k] / (double) samples;
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModeStatistics m
                && samples == m.samples
                && nonFiniteSamples == m.nonFiniteSamples
                && highQualitySamples == m.highQualitySamples
                && modesCovered == m.modesCovered
                && Double.compare(klFromUniform, m.klFromUniform) == 0
                && Arrays.equals(highQualityCounts, m.highQualityCounts)
                && Arrays.equals(nearestCounts, m.nearestCounts)
                && Arrays.equals(covered, m.covered);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(highQualityCounts) + Arrays.hashCode(nearestCounts);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "modes covered %d/%d, high quality %.1f%%, KL %.4f, high-quality counts %s",
                modesCovered, modeCount(), highQualityPercent(), klFromUniform,
                Arrays.toString(highQualityCounts));
    }
}
