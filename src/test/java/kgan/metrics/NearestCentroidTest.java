package kgan.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class NearestCentroidTest {

    @Test
    void centroidsAreClassMeansAndPointsGoToTheNearest() {
        DMatrixRMaj points = new DMatrixRMaj(new double[][] {{0, 0}, {2, 0}, {10, 10},
            {12, 10}, {0, 10}});
        NearestCentroid c = NearestCentroid.fit(points, new int[] {0, 0, 1, 1, 2}, 3);

        assertThat(c.centroids().data).containsExactly(1, 0, 11, 10, 0, 10);
        assertThat(c.predict(new DMatrixRMaj(new double[][] {{1, 1}, {9, 9}, {1, 9}})))
                .containsExactly(0, 1, 2);
    }

    /** Shares divide by all n points; a non-finite point belongs to no class. */
    @Test
    void histogramSharesAndNonFinitePoints() {
        DMatrixRMaj points = new DMatrixRMaj(new double[][] {{0, 0}, {2, 0}});
        NearestCentroid c = NearestCentroid.fit(points, new int[] {0, 1}, 2);

        int[] predicted = c.predict(new DMatrixRMaj(new double[][] {{0.1, 0}, {Double.NaN, 0},
            {1.9, 0}, {0, Double.POSITIVE_INFINITY}}));

        assertThat(predicted).containsExactly(0, NearestCentroid.NON_FINITE, 1,
                NearestCentroid.NON_FINITE);
        assertThat(NearestCentroid.counts(predicted, 2)).containsExactly(1, 1);
        assertThat(NearestCentroid.histogram(predicted, 2)).containsExactly(0.25, 0.25);
    }
}
