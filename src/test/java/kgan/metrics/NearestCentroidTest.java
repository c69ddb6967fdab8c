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

    /** p = (1/2, 1/2, 0, 0): KL = 2 · ½ log(4 · ½) = log 2; one class: log K; uniform: 0. */
    @Test
    void klFromUniformByHand() {
        double[] half = NearestCentroid.histogram(new int[] {0, 1, 0, 1}, 4);

        assertThat(half).containsExactly(0.5, 0.5, 0, 0);
        assertThat(NearestCentroid.klFromUniform(half)).isCloseTo(Math.log(2), within(1e-15));
        assertThat(NearestCentroid.klFromUniform(new double[] {1, 0, 0}))
                .isCloseTo(Math.log(3), within(1e-15));
        assertThat(NearestCentroid.klFromUniform(new double[] {0.25, 0.25, 0.25, 0.25}))
                .isEqualTo(0.0);
    }
}
