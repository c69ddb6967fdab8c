package kgan.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kgan.data.CsvDataset;
import kgan.data.GaussianMixture;
import kgan.linalg.Dense;
import kgan.linalg.Rng;

class ModeMetricsTest {

    private static final GaussianMixture RING = GaussianMixture.ring();
    private static final ModeMetrics METRICS = ModeMetrics.of(RING);

    /** counts[k] copies of centre k of the ring, shifted by (dx, dy). */
    private static DMatrixRMaj onModes(int[] counts, double dx, double dy) {
        DMatrixRMaj c = RING.centres();
        int n = 0;
        for (int count : counts) {
            n += count;
        }
        DMatrixRMaj x = new DMatrixRMaj(n, 2);
        int row = 0;
        for (int k = 0; k < counts.length; k++) {
            for (int r = 0; r < counts[k]; r++) {
                x.set(row, 0, c.get(k, 0) + dx);
                x.set(row, 1, c.get(k, 1) + dy);
                row++;
            }
        }
        return x;
    }

    @Test
    void everySampleOnOneModeCoversOneModeWithKlLogK() {
        ModeStatistics s = METRICS.evaluate(onModes(new int[] {100, 0, 0, 0, 0, 0, 0, 0}, 0, 0));

        assertThat(s.modesCovered()).isEqualTo(1);
        assertThat(s.klFromUniform()).isCloseTo(Math.log(8), within(1e-12));
        assertThat(s.highQualityPercent()).isEqualTo(100.0);
        assertThat(s.highQualityCounts()).containsExactly(100, 0, 0, 0, 0, 0, 0, 0);
        assertThat(s.covered()).containsExactly(true, false, false, false, false, false,
                false, false);
    }

    @Test
    void samplesSpreadEvenlyHaveKlZeroAndCoverEveryMode() {
        ModeStatistics s = METRICS.evaluate(onModes(new int[] {25, 25, 25, 25, 25, 25, 25, 25},
                0.01, -0.01));

        assertThat(s.modesCovered()).isEqualTo(8);
        assertThat(s.klFromUniform()).isCloseTo(0.0, within(1e-12));
        assertThat(s.highQualitySamples()).isEqualTo(200);
    }

    @Test
    void klOfAHandComputedHistogram() {
        // p = (1/2, 1/4, 1/4, 0) against u = 1/4: (1/2) log 2 + 2 (1/4) log 1 + 0 log 0.
        assertThat(ModeMetrics.klFromUniform(new int[] {2, 1, 1, 0}))
                .isCloseTo(0.5 * Math.log(2), within(1e-15));
        assertThat(ModeMetrics.klFromUniform(new int[] {0, 0, 0})).isEqualTo(Math.log(3));
    }

    @Test
    void theQualityRadiusIsThreeStd() {
        double s = RING.modeStd();
        ModeStatistics inside = METRICS.evaluate(onModes(new int[] {1, 1, 1, 1, 1, 1, 1, 1},
                2.99 * s, 0));
        ModeStatistics outside = METRICS.evaluate(onModes(new int[] {1, 1, 1, 1, 1, 1, 1, 1},
                0, -3.01 * s));

        assertThat(inside.highQualitySamples()).isEqualTo(8);
        assertThat(outside.highQualitySamples()).isZero();
        assertThat(outside.nearestCounts()).containsOnly(1);
    }

    @Test
    void aModeIsCoveredFromTwentyHighQualitySamples() {
        ModeStatistics s = METRICS.evaluate(onModes(new int[] {20, 19, 0, 0, 0, 0, 0, 0},
                0, 0));

        assertThat(s.covered()[0]).isTrue();
        assertThat(s.covered()[1]).isFalse();
        assertThat(s.modesCovered()).isEqualTo(1);
    }

    @Test
    void noHighQualitySampleGivesTheMaximalKlAndZeroQuality() {
        DMatrixRMaj far = Dense.filled(30, 2, 0.0);

        ModeStatistics s = METRICS.evaluate(far);

        assertThat(s.highQualityFraction()).isZero();
        assertThat(s.modesCovered()).isZero();
        assertThat(s.klFromUniform()).isEqualTo(Math.log(8));
        // The origin is equidistant from all centres: the tie goes to mode 0.
        assertThat(s.nearestCounts()[0]).isEqualTo(30);
    }

    @Test
    void sharesSeparateNearestAssignmentFromHighQuality() {
        DMatrixRMaj onMode1 = onModes(new int[] {0, 3, 0, 0, 0, 0, 0, 0}, 0, 0);
        DMatrixRMaj nearMode1 = onModes(new int[] {0, 1, 0, 0, 0, 0, 0, 0}, 0.2, 0);

        ModeStatistics s = METRICS.evaluate(Dense.concatRows(onMode1, nearMode1));

        assertThat(s.nearestShares()[1]).isEqualTo(1.0);
        assertThat(s.highQualityShares()[1]).isEqualTo(0.75);
    }

    @Test
    void nonFiniteSamplesAreCountedApartAndNeverHighQuality() {
        DMatrixRMaj x = onModes(new int[] {2, 0, 0, 0, 0, 0, 0, 0}, 0, 0);
        x.set(1, 1, Double.NaN);

        ModeStatistics s = METRICS.evaluate(x);

        assertThat(s.nonFiniteSamples()).isEqualTo(1);
        assertThat(s.highQualitySamples()).isEqualTo(1);
        assertThat(s.highQualityFraction()).isEqualTo(0.5);
        assertThat(s.nearestCounts()[0]).isEqualTo(1);
    }

    @Test
    void dataFromTheRingItselfScoresNearlyPerfectly() {
        DMatrixRMaj x = RING.sample(ModeMetrics.PROTOCOL_SAMPLES, new Rng(1));

        ModeStatistics s = METRICS.evaluate(x);

        // 3 std in 2-D holds 1 − exp(−9/2) ≈ 98.9% of a mode's mass.
        assertThat(s.highQualityFraction()).isCloseTo(1 - Math.exp(-4.5), within(0.01));
        assertThat(s.modesCovered()).isEqualTo(8);
        assertThat(s.klFromUniform()).isLessThan(0.01);
    }

    @Test
    void theGridHasTwentyFiveModes() {
        ModeMetrics grid = ModeMetrics.of(GaussianMixture.grid());

        ModeStatistics s = grid.evaluate(Dense.of(1, 2, 2.0 + 0.1, -4.0));

        assertThat(grid.modeCount()).isEqualTo(25);
        assertThat(s.highQualityCounts()[5 * 3]).isEqualTo(1);
    }

    @Test
    void fractionWithinARadiusOfAPoint() {
        DMatrixRMaj x = Dense.of(4, 2, 0, 0, 0.5, 0, 0, 1.01, Double.NaN, 0);

        double inside = ModeMetrics.fractionWithin(x, Dense.of(1, 2, 0, 0), 1.0);

        assertThat(inside).isEqualTo(0.5);
        assertThat(ModeMetrics.fractionWithin(x, Dense.of(1, 2, 0, 0), 1.02)).isEqualTo(0.75);
    }

    @Test
    void userDataHasNoModesToMeasure(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("points.csv");
        Files.writeString(file, "1,2\n");
        CsvDataset data = CsvDataset.load(file);

        assertThatThrownBy(() -> ModeMetrics.of(data))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("known modes");
    }

    @Test
    void samplesOfTheWrongWidthAreRejected() {
        assertThatThrownBy(() -> METRICS.evaluate(new DMatrixRMaj(3, 3)))
                .hasMessageContaining("3×3").hasMessageContaining("2 columns");
    }
}
