package kgan.metrics;

import java.util.List;

import org.ejml.data.DMatrixRMaj;

import kgan.data.Dataset;
import kgan.linalg.Dense;

/**
 * Mode-collapse metrics of a sample from a model, for data drawn from a known mixture of
 * K isotropic Gaussians with centres c_k and common standard deviation s.
 *
 * <p>The protocol is that of Metz, Poole, Pfau and Sohl-Dickstein, "Unrolled Generative
 * Adversarial Networks" (ICLR 2017), also used by Srivastava et al. (VEEGAN, 2017) and Lin
 * et al. (PacGAN, 2018): draw 2,500 samples; a sample x is high quality when
 * min_k ‖x − c_k‖ ≤ 3s; a mode is covered when at least 20 high-quality samples have it as
 * their nearest centre; and the high-quality mode histogram is compared with the uniform
 * one by KL divergence. See {@link ModeStatistics} for the fields and edge cases.
 *
 * <p>Ties in the nearest centre go to the lowest mode index.
 */
public final class ModeMetrics {

    /** Samples the protocol evaluates. */
    public static final int PROTOCOL_SAMPLES = 2500;

    /** A sample is high quality within this many standard deviations of its centre. */
    public static final double QUALITY_STDS = 3.0;

    /** A mode is covered with at least this many high-quality samples. */
    public static final int COVERAGE_COUNT = 20;

    private final DMatrixRMaj centres;
    private final double std;
    private final double qualityRadius;
    private final int coverageCount;

    /**
     * Metrics with the protocol's thresholds (3 std, 20 samples).
     *
     * @param centres K×d, centre c_k in row k. Not modified (copied).
     * @param std     s &gt; 0, the standard deviation of every mode
     */
    public ModeMetrics(DMatrixRMaj centres, double std) {
        this(centres, std, QUALITY_STDS, COVERAGE_COUNT);
    }

    /**
     * @param centres       K×d, centre c_k in row k. Not modified (copied).
     * @param std           s &gt; 0, the standard deviation of every mode
     * @param qualityStds   a sample is high quality within qualityStds · s of its centre
     * @param coverageCount a mode is covered with at least this many high-quality samples
     */
    public ModeMetrics(DMatrixRMaj centres, double std, double qualityStds, int coverageCount) {
        if (centres.numRows < 1 || centres.numCols < 1 || !Dense.isFinite(centres)) {
            throw new IllegalArgumentException("mode metrics: centres are "
                    + Dense.shape(centres) + "; expected at least one finite centre");
        }
        if (!(std > 0) || !Double.isFinite(std)) {
            throw new IllegalArgumentException("mode metrics: std is " + std
                    + "; expected a finite number > 0");
        }
        if (!(qualityStds > 0) || !Double.isFinite(qualityStds)) {
            throw new IllegalArgumentException("mode metrics: quality radius is " + qualityStds
                    + " std; expected a finite number > 0");
        }
        if (coverageCount < 1) {
            throw new IllegalArgumentException("mode metrics: coverage count is "
                    + coverageCount + "; expected at least 1");
        }
        this.centres = centres.copy();
        this.std = std;
        this.qualityRadius = qualityStds * std;
        this.coverageCount = coverageCount;
    }

    /** Metrics for a data set with known modes, with the protocol's thresholds. */
    public static ModeMetrics of(Dataset data) {
        List<DMatrixRMaj> rows = data.modeCentres();
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("mode metrics need a mixture with known modes;"
                    + " " + data.describe() + " has none");
        }
        DMatrixRMaj c = new DMatrixRMaj(rows.size(), data.dimension());
        for (int k = 0; k < rows.size(); k++) {
            Dense.requireShape("mode centre " + k, rows.get(k), 1, data.dimension());
            System.arraycopy(rows.get(k).data, 0, c.data, k * c.numCols, c.numCols);
        }
        return new ModeMetrics(c, data.modeStd());
    }

    /** K, the number of modes. */
    public int modeCount() {
        return centres.numRows;
    }

    /** s, the standard deviation of every mode. */
    public double modeStd() {
        return std;
    }

    /** The radius within which a sample is high quality, qualityStds · s. */
    public double qualityRadius() {
        return qualityRadius;
    }

    /**
     * Evaluates n ≥ 1 samples.
     *
     * @param samples n×d, one sample per row. Not modified.
     */
    public ModeStatistics evaluate(DMatrixRMaj samples) {
        int d = centres.numCols;
        int modes = centres.numRows;
        if (samples.numCols != d || samples.numRows < 1) {
            throw new IllegalArgumentException("mode metrics: samples are "
                    + Dense.shape(samples) + "; expected at least one row of " + d
                    + " columns");
        }
        int[] highQuality = new int[modes];
        int[] nearest = new int[modes];
        int nonFinite = 0;
        double radius2 = qualityRadius * qualityRadius;

        for (int i = 0; i < samples.numRows; i++) {
            if (!rowIsFinite(samples, i)) {
                nonFinite++;
                continue;
            }
            int best = 0;
            double bestDistance2 = Double.POSITIVE_INFINITY;
            for (int k = 0; k < modes; k++) {
                double distance2 = squaredDistance(samples, i, centres, k);
                if (distance2 < bestDistance2) {
                    bestDistance2 = distance2;
                    best = k;
                }
            }
            nearest[best]++;
            if (bestDistance2 <= radius2) {
                highQuality[best]++;
            }
        }

        int total = 0;
        int modesCovered = 0;
        boolean[] covered = new boolean[modes];
        for (int k = 0; k < modes; k++) {
            total += highQuality[k];
            covered[k] = highQuality[k] >= coverageCount;
            modesCovered += covered[k] ? 1 : 0;
        }
        return new ModeStatistics(samples.numRows, nonFinite, total, modesCovered,
                klFromUniform(highQuality), highQuality, nearest, covered);
    }

    /**
     * KL(p ‖ u) = Σ_k p_k log(p_k K) for the histogram p_k = h_k / Σ_j h_j and the uniform
     * distribution u on K = counts.length bins, in nats, with 0 log 0 = 0. When every count
     * is zero, p is undefined and the result is log K, the largest value KL(p ‖ u) takes.
     */
    public static double klFromUniform(int[] counts) {
        long total = 0;
        for (int c : counts) {
            if (c < 0) {
                throw new IllegalArgumentException("klFromUniform: negative count " + c);
            }
            total += c;
        }
        int bins = counts.length;
        if (total == 0) {
            return Math.log(bins);
        }
        double kl = 0;
        for (int c : counts) {
            if (c > 0) {
                double p = c / (double) total;
                kl += p * Math.log(p * bins);
            }
        }
        return Math.max(kl, 0.0);
    }

    /**
     * The fraction of the n samples x with ‖x − c‖ ≤ r, for a region the model should leave
     * empty (or must fill). Samples with a non-finite coordinate count as outside.
     *
     * @param samples n×d, n ≥ 1. Not modified.
     * @param centre  1×d, the centre c. Not modified.
     * @param radius  r ≥ 0
     */
    public static double fractionWithin(DMatrixRMaj samples, DMatrixRMaj centre,
            double radius) {
        Dense.requireShape("fractionWithin centre", centre, 1, samples.numCols);
        if (samples.numRows < 1) {
            throw new IllegalArgumentException("fractionWithin: no samples");
        }
        if (!(radius >= 0) || !Double.isFinite(radius)) {
            throw new IllegalArgumentException("fractionWithin: radius is " + radius
                    + "; expected a finite number ≥ 0");
        }
        int inside = 0;
        for (int i = 0; i < samples.numRows; i++) {
            if (squaredDistance(samples, i, centre, 0) <= radius * radius) {
                inside++;
            }
        }
        return inside / (double) samples.numRows;
    }

    private static boolean rowIsFinite(DMatrixRMaj a, int row) {
        for (int j = 0; j < a.numCols; j++) {
            if (!Double.isFinite(a.data[row * a.numCols + j])) {
                return false;
            }
        }
        return true;
    }

    /** ‖a_i − b_k‖², from the coordinates (no square root). */
    private static double squaredDistance(DMatrixRMaj a, int i, DMatrixRMaj b, int k) {
        int d = a.numCols;
        double s = 0;
        for (int j = 0; j < d; j++) {
            double diff = a.data[i * d + j] - b.data[k * d + j];
            s += diff * diff;
        }
        return s;
    }
}
