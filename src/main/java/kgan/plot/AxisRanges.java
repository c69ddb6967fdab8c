package kgan.plot;

import org.ejml.data.DMatrixRMaj;

/**
 * The visible rectangle [xMin, xMax] × [yMin, yMax] of a plot. Fixing it for every frame of
 * a training run keeps the frames comparable.
 */
public record AxisRanges(double xMin, double xMax, double yMin, double yMax) {

    public AxisRanges {
        if (!(xMin < xMax) || !(yMin < yMax) || !Double.isFinite(xMax - xMin)
                || !Double.isFinite(yMax - yMin)) {
            throw new IllegalArgumentException("axis ranges [" + xMin + ", " + xMax + "] × ["
                    + yMin + ", " + yMax + "]: expected finite bounds with min < max");
        }
    }

    /** The square [−h, h] × [−h, h]. */
    public static AxisRanges square(double halfWidth) {
        return new AxisRanges(-halfWidth, halfWidth, -halfWidth, halfWidth);
    }

    /**
     * The smallest rectangle holding the finite rows of every set (first two columns),
     * widened on each side by {@code margin} times its width and height. A degenerate side
     * (all points on a line) gets a width of 1.
     */
    public static AxisRanges around(double margin, DMatrixRMaj... sets) {
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (DMatrixRMaj set : sets) {
            if (set.numCols < 2) {
                throw new IllegalArgumentException("axis ranges: points are " + set.numRows
                        + "×" + set.numCols + "; expected at least 2 columns");
            }
            for (int i = 0; i < set.numRows; i++) {
                double x = set.get(i, 0);
                double y = set.get(i, 1);
                if (Double.isFinite(x) && Double.isFinite(y)) {
                    xMin = Math.min(xMin, x);
                    xMax = Math.max(xMax, x);
                    yMin = Math.min(yMin, y);
                    yMax = Math.max(yMax, y);
                }
            }
        }
        if (xMin > xMax) {
            throw new IllegalArgumentException("axis ranges: no finite point to fit");
        }
        double[] x = widen(xMin, xMax, margin);
        double[] y = widen(yMin, yMax, margin);
        return new AxisRanges(x[0], x[1], y[0], y[1]);
    }

    private static double[] widen(double min, double max, double margin) {
        if (max - min <= 0) {
            return new double[] {min - 0.5, max + 0.5};
        }
        double pad = margin * (max - min);
        return new double[] {min - pad, max + pad};
    }
}
