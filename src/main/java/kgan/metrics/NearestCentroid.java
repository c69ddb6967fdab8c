package kgan.metrics;

import org.ejml.data.DMatrixRMaj;

import kgan.autodiff.Ops;
import kgan.linalg.Dense;

/**
 * The nearest-centroid classifier: each class is represented by the mean of its training
 * points, and a point gets the class of the nearest mean (Euclidean). Used in an
 * autoencoder's latent space to ask which classes generated images look like, and so how
 * evenly a generator covers them.
 */
public final class NearestCentroid {

    /** The prediction for a point with a NaN or infinite coordinate. */
    public static final int NON_FINITE = -1;

    private final DMatrixRMaj centroids;

    private NearestCentroid(DMatrixRMaj centroids) {
        this.centroids = centroids;
    }

    /**
     * The centroids c_k = mean of the points labelled k, for k = 0, …, K − 1. points (n×m),
     * labels: Not modified.
     *
     * @throws IllegalArgumentException if a label is outside [0, K) or a class has no point
     */
    public static NearestCentroid fit(DMatrixRMaj points, int[] labels, int classes) {
        if (labels.length != points.numRows) {
            throw new IllegalArgumentException("NearestCentroid: " + points.numRows
                    + " points but " + labels.length + " labels");
        }
        int m = points.numCols;
        DMatrixRMaj sums = new DMatrixRMaj(classes, m);
        int[] counts = new int[classes];
        for (int i = 0; i < labels.length; i++) {
            int k = labels[i];
            if (k < 0 || k >= classes) {
                throw new IllegalArgumentException("NearestCentroid: label " + k + " of point "
                        + (i + 1) + "; expected 0 to " + (classes - 1));
            }
            counts[k]++;
            for (int j = 0; j < m; j++) {
                sums.data[k * m + j] += points.data[i * m + j];
            }
        }
        for (int k = 0; k < classes; k++) {
            if (counts[k] == 0) {
                throw new IllegalArgumentException("NearestCentroid: class " + k
                        + " has no training point");
            }
            for (int j = 0; j < m; j++) {
                sums.data[k * m + j] /= counts[k];
            }
        }
        return new NearestCentroid(sums);
    }

    /** The K×m centroids (a copy). */
    public DMatrixRMaj centroids() {
        return centroids.copy();
    }

    /**
     * The class of each row of {@code points}: argmin_k ‖x − c_k‖² (the first on ties), or
     * {@link #NON_FINITE} for a row with a NaN or infinite coordinate, which no class may
     * claim (a diverged generator must not read as one class).
     */
    public int[] predict(DMatrixRMaj points) {
        DMatrixRMaj d2 = Ops.squaredDistances(points, centroids);
        int[] predicted = new int[points.numRows];
        for (int i = 0; i < points.numRows; i++) {
            if (!Dense.isFinite(Dense.rows(points, i, i + 1))) {
                predicted[i] = NON_FINITE;
                continue;
            }
            int best = 0;
            for (int k = 1; k < centroids.numRows; k++) {
                if (d2.get(i, k) < d2.get(i, best)) {
                    best = k;
                }
            }
            predicted[i] = best;
        }
        return predicted;
    }

    /** How many predictions fall in each of K classes (non-finite rows in none). */
    public static int[] counts(int[] predicted, int classes) {
        int[] counts = new int[classes];
        for (int k : predicted) {
            if (k != NON_FINITE) {
                counts[k]++;
            }
        }
        return counts;
    }

    /**
     * The share of each of K classes among all n predictions, p_k = #{i : class k} / n; the
     * shares of a sample with non-finite rows sum to less than 1. KL from uniform of the
     * counts is {@link ModeMetrics#klFromUniform(int[])}.
     */
    public static double[] histogram(int[] predicted, int classes) {
        int[] counts = counts(predicted, classes);
        double[] p = new double[classes];
        for (int k = 0; k < classes; k++) {
            p[k] = (double) counts[k] / predicted.length;
        }
        return p;
    }
}
