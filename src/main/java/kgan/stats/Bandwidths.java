package kgan.stats;

import java.util.Arrays;

import org.ejml.data.DMatrixRMaj;

import kgan.autodiff.Ops;

/** Data-driven choices of the Gaussian kernel's bandwidth. */
public final class Bandwidths {

    /** At most this many points enter the median heuristic: its cost is quadratic. */
    static final int MEDIAN_POINTS = 1000;

    private Bandwidths() {
    }

    /**
     * The median heuristic: σ = median of ‖z_i − z_j‖ (the upper one of an even count) over
     * the pairs i &lt; j of the rows of z (the first {@value #MEDIAN_POINTS} rows when there
     * are more). Falls back to 1 when that median is 0 (more than half the pairs coincide),
     * so that the kernel stays defined. z: Not modified.
     *
     * @throws IllegalArgumentException if z has fewer than two rows
     */
    public static double median(DMatrixRMaj z) {
        return medianOfHead(z, Math.min(z.numRows, MEDIAN_POINTS));
    }

    /**
     * The median heuristic over the pooled sample of x and y, taking the same share of each
     * (at most {@value #MEDIAN_POINTS} / 2 rows of either), so that neither sample's size nor
     * the order the two are given in decides the bandwidth. Not modified: x, y.
     *
     * @throws IllegalArgumentException if x and y together have fewer than two rows
     */
    public static double median(DMatrixRMaj x, DMatrixRMaj y) {
        int half = MEDIAN_POINTS / 2;
        DMatrixRMaj pooled = kgan.linalg.Dense.concatRows(
                kgan.linalg.Dense.rows(x, 0, Math.min(x.numRows, half)),
                kgan.linalg.Dense.rows(y, 0, Math.min(y.numRows, half)));
        return medianOfHead(pooled, pooled.numRows);
    }

    private static double medianOfHead(DMatrixRMaj z, int n) {
        if (z.numRows < 2) {
            throw new IllegalArgumentException("median heuristic: " + z.numRows
                    + " points; expected at least 2");
        }
        DMatrixRMaj head = kgan.linalg.Dense.rows(z, 0, n);
        DMatrixRMaj d2 = Ops.squaredDistances(head, head);

        double[] pairs = new double[n * (n - 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                pairs[k++] = d2.get(i, j);
            }
        }
        Arrays.sort(pairs);
        double median = Math.sqrt(pairs[pairs.length / 2]);
        return median > 0 && Double.isFinite(median) ? median : 1.0;
    }
}
