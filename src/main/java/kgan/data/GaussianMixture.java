package kgan.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.ejml.data.DMatrixRMaj;

import kgan.linalg.Dense;
import kgan.linalg.Rng;

/**
 * A mixture of K isotropic Gaussians with a common standard deviation s:
 * P = Σ_k π_k N(c_k, s² I_d), with weights π_k &gt; 0 and Σ_k π_k = 1.
 *
 * <p>The two mode-collapse benchmarks of the Unrolled-GAN protocol (Metz, Poole, Pfau and
 * Sohl-Dickstein, "Unrolled Generative Adversarial Networks", ICLR 2017) are built in:
 * the {@linkplain #ring() ring} and the {@linkplain #grid() grid}.
 *
 * <p>Draw order, which fixes a sample given the seed: for each point i = 0, …, n − 1 in
 * turn, one uniform u = {@code rng.nextDouble()} chooses the mode (the smallest k with
 * u &lt; π_0 + … + π_k), then d standard normal draws {@code rng.nextGaussian()} give the
 * noise of coordinates 0, …, d − 1. The same draws are made whatever the weights.
 */
public final class GaussianMixture implements Dataset {

    /** Radius of the ring's circle. */
    public static final double RING_RADIUS = 2.0;

    /** Number of modes on the ring. */
    public static final int RING_MODES = 8;

    /** Standard deviation of every mode of the ring. */
    public static final double RING_STD = 0.02;

    /** The grid has GRID_SIDE × GRID_SIDE modes. */
    public static final int GRID_SIDE = 5;

    /** Distance between neighbouring modes of the grid, along an axis. */
    public static final double GRID_SPACING = 2.0;

    /** Standard deviation of every mode of the grid. */
    public static final double GRID_STD = 0.05;

    private final String name;
    private final DMatrixRMaj centres;
    private final double std;
    private final double[] weights;
    private final double[] cumulative;

    /**
     * A mixture with the given modes.
     *
     * @param name    a short name for {@link #describe()}, e.g. "ring"
     * @param centres K×d, the centre c_k of mode k in row k. Not modified (copied).
     * @param std     s &gt; 0, finite, the standard deviation of every mode
     * @param weights K positive, finite weights, normalised here to sum to 1; null for equal
     *                weights. Not modified (copied).
     */
    public GaussianMixture(String name, DMatrixRMaj centres, double std, double[] weights) {
        if (centres.numRows < 1 || centres.numCols < 1) {
            throw new IllegalArgumentException("mixture " + name + ": centres are "
                    + Dense.shape(centres) + "; expected at least one mode of dimension ≥ 1");
        }
        if (!Dense.isFinite(centres)) {
            throw new IllegalArgumentException("mixture " + name + ": centres must be finite");
        }
        if (!(std > 0) || !Double.isFinite(std)) {
            throw new IllegalArgumentException("mixture " + name + ": std is " + std
                    + "; expected a finite number > 0");
        }
        this.name = name;
        this.centres = centres.copy();
        this.std = std;
        this.weights = normalisedWeights(name, weights, centres.numRows);
        this.cumulative = new double[this.weights.length];
        double running = 0;
        for (int k = 0; k < this.weights.length; k++) {
            running += this.weights[k];
            cumulative[k] = running;
        }
    }

    private static double[] normalisedWeights(String name, double[] weights, int modes) {
        double[] w = new double[modes];
        if (weights == null) {
            Arrays.fill(w, 1.0 / modes);
            return w;
        }
        if (weights.length != modes) {
            throw new IllegalArgumentException("mixture " + name + ": " + weights.length
                    + " weights given for " + modes + " modes");
        }
        double total = 0;
        for (int k = 0; k < modes; k++) {
            if (!(weights[k] > 0) || !Double.isFinite(weights[k])) {
                throw new IllegalArgumentException("mixture " + name + ": weight of mode " + k
                        + " is " + weights[k] + "; expected a finite number > 0");
            }
            total += weights[k];
        }
        for (int k = 0; k < modes; k++) {
            w[k] = weights[k] / total;
        }
        return w;
    }

    /** The ring with equal weights: 8 modes c_k = 2 (cos 2πk/8, sin 2πk/8), std 0.02. */
    public static GaussianMixture ring() {
        return ring(null);
    }

    /** The ring with the given 8 weights (normalised; null for equal weights). */
    public static GaussianMixture ring(double[] weights) {
        DMatrixRMaj c = new DMatrixRMaj(RING_MODES, 2);
        for (int k = 0; k < RING_MODES; k++) {
            double angle = 2 * Math.PI * k / RING_MODES;
            c.set(k, 0, RING_RADIUS * Math.cos(angle));
            c.set(k, 1, RING_RADIUS * Math.sin(angle));
        }
        return new GaussianMixture("ring", c, RING_STD, weights);
    }

    /**
     * The ring in which mode {@code rare} has probability {@code share} and the other seven
     * share the rest equally: π_rare = share, π_k = (1 − share)/7 otherwise.
     *
     * @param rare  the index of the rare mode, 0 ≤ rare &lt; 8; mode k sits at angle 2πk/8
     * @param share its probability, 0 &lt; share &lt; 1
     */
    public static GaussianMixture ringWithRareMode(int rare, double share) {
        if (rare < 0 || rare >= RING_MODES) {
            throw new IllegalArgumentException("rare mode " + rare + " is not a ring mode;"
                    + " expected 0 to " + (RING_MODES - 1));
        }
        if (!(share > 0 && share < 1)) {
            throw new IllegalArgumentException("rare mode share is " + share
                    + "; expected a number strictly between 0 and 1");
        }
        double[] w = new double[RING_MODES];
        Arrays.fill(w, (1 - share) / (RING_MODES - 1));
        w[rare] = share;
        return ring(w);
    }

    /** The grid with equal weights: 25 modes (−4 + 2i, −4 + 2j), i, j = 0..4, std 0.05. */
    public static GaussianMixture grid() {
        return grid(null);
    }

    /**
     * The grid with the given 25 weights (normalised; null for equal weights). Mode
     * k = 5i + j has centre (−4 + 2i, −4 + 2j).
     */
    public static GaussianMixture grid(double[] weights) {
        DMatrixRMaj c = new DMatrixRMaj(GRID_SIDE * GRID_SIDE, 2);
        double first = -GRID_SPACING * (GRID_SIDE - 1) / 2;
        for (int i = 0; i < GRID_SIDE; i++) {
            for (int j = 0; j < GRID_SIDE; j++) {
                int k = GRID_SIDE * i + j;
                c.set(k, 0, first + GRID_SPACING * i);
                c.set(k, 1, first + GRID_SPACING * j);
            }
        }
        return new GaussianMixture("grid", c, GRID_STD, weights);
    }

    @Override
    public int dimension() {
        return centres.numCols;
    }

    /** K, the number of modes. */
    public int modeCount() {
        return centres.numRows;
    }

    /** The K×d matrix of centres, one per row (a copy). */
    public DMatrixRMaj centres() {
        return centres.copy();
    }

    /** The normalised weights π_k (a copy). */
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public DMatrixRMaj sample(int n, Rng rng) {
        if (n < 0) {
            throw new IllegalArgumentException("mixture " + name + ": cannot draw " + n
                    + " points");
        }
        int d = centres.numCols;
        DMatrixRMaj x = new DMatrixRMaj(n, d);
        for (int i = 0; i < n; i++) {
            int k = chooseMode(rng.nextDouble());
            for (int j = 0; j < d; j++) {
                x.data[i * d + j] = centres.data[k * d + j] + std * rng.nextGaussian();
            }
        }
        return x;
    }

    /** The smallest k with u &lt; π_0 + … + π_k; the last mode if rounding leaves u above. */
    private int chooseMode(double u) {
        for (int k = 0; k < cumulative.length - 1; k++) {
            if (u < cumulative[k]) {
                return k;
            }
        }
        return cumulative.length - 1;
    }

    @Override
    public List<DMatrixRMaj> modeCentres() {
        List<DMatrixRMaj> rows = new ArrayList<>(centres.numRows);
        for (int k = 0; k < centres.numRows; k++) {
            rows.add(Dense.rows(centres, k, k + 1));
        }
        return Collections.unmodifiableList(rows);
    }

    @Override
    public double modeStd() {
        return std;
    }

    /** True when every mode has the same weight. */
    public boolean hasEqualWeights() {
        for (double w : weights) {
            if (Math.abs(w - weights[0]) > 1e-12) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String describe() {
        StringBuilder s = new StringBuilder();
        s.append(name).append(": ").append(modeCount()).append(" Gaussian modes in R^")
                .append(dimension()).append(", std ").append(std);
        if (hasEqualWeights()) {
            s.append(", equal weights");
        } else {
            s.append(", weights ");
            for (int k = 0; k < weights.length; k++) {
                s.append(k == 0 ? "[" : ", ")
                        .append(String.format(Locale.ROOT, "%.4g", weights[k]));
            }
            s.append(']');
        }
        return s.toString();
    }
}
