package kgan.stats;

import org.ejml.data.DMatrixRMaj;

import kgan.linalg.Rng;

/** Gaussian samples for the tests of the two-sample tests. */
final class Samples {

    private Samples() {
    }

    /** n draws of N(shift e₁, I_d): standard normal with the first coordinate moved. */
    static DMatrixRMaj gaussian(Rng rng, int n, int d, double shift) {
        DMatrixRMaj points = rng.gaussian(n, d);
        for (int i = 0; i < n; i++) {
            points.add(i, 0, shift);
        }
        return points;
    }
}
