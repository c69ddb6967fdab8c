package kgan.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.IntFunction;

import org.apache.commons.statistics.distribution.BinomialDistribution;
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

    /**
     * How many of R repetitions reject: repetition r draws n points of N(0, I_2) and n of
     * N(shift e₁, I_2) from {@code rng} and runs {@code test.apply(r)} on them.
     */
    static int rejections(int repetitions, Rng rng, int n, double shift,
            IntFunction<TwoSampleTest> test) {
        int rejections = 0;
        for (int r = 0; r < repetitions; r++) {
            DMatrixRMaj x = gaussian(rng, n, 2, 0.0);
            DMatrixRMaj y = gaussian(rng, n, 2, shift);
            if (test.apply(r).perform(x, y).reject()) {
                rejections++;
            }
        }
        return rejections;
    }

    /**
     * Asserts that a rejection count of R repetitions under the null lies in the central
     * 99.9 % interval of Bin(R, α): a test of exact level α fails this with probability at
     * most 0.001.
     */
    static void assertLevel(int rejections, int repetitions, double alpha) {
        BinomialDistribution law = BinomialDistribution.of(repetitions, alpha);
        assertThat(rejections).isBetween(law.inverseCumulativeProbability(0.0005),
                law.inverseSurvivalProbability(0.0005));
    }
}
