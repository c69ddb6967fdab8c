package kgan.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kgan.train.InvalidInputException;

class ReportTest {

    // Every mean and standard deviation below is of at most three numbers of size ≤ 10: a
    // few additions, one division and one square root, each rounding by at most 2^-53
    // relative (≈ 1.1e-16 × 10), so the computed values are within 1e-14 of the exact ones.
    private static final double ROUNDING = 1e-14;

    @Test
    void meanAndSampleStandardDeviationByHand() {
        MeanSd s = MeanSd.of(new double[] {8, 6, 7});

        // mean (8 + 6 + 7)/3 = 7; squared deviations 1 + 1 + 0 over n − 1 = 2 gives sd 1.
        assertThat(s.mean()).isCloseTo(7, within(ROUNDING));
        assertThat(s.sd()).isCloseTo(1, within(ROUNDING));
        assertThat(s.n()).isEqualTo(3);
        assertThat(s.format("%.2f")).isEqualTo("7.00 ± 1.00");
    }

    @Test
    void nonFiniteValuesAreLeftOutAndOneValueHasNoSpread() {
        MeanSd s = MeanSd.of(new double[] {Double.NaN, 4, 8, Double.POSITIVE_INFINITY});
        MeanSd one = MeanSd.of(new double[] {3});
        MeanSd none = MeanSd.of(new double[] {Double.NaN});

        // (4, 8): mean 6, sd sqrt((4 + 4)/1) = 2√2.
        assertThat(s.mean()).isCloseTo(6, within(ROUNDING));
        assertThat(s.sd()).isCloseTo(2 * Math.sqrt(2), within(ROUNDING));
        assertThat(s.n()).isEqualTo(2);
        assertThat(one.sd()).isNaN();
        assertThat(one.format("%.1f")).isEqualTo("3.0");
        assertThat(none.format("%.1f")).isEqualTo("—");
    }

    @Test
    void summaryAggregatesFinishedSeedsPerMethod(@TempDir Path dir) throws IOException {
        double[] early = {1, 0.1, 2, 0.5};
        // Region "centre" (origin, radius 0.5): 1 of 4 points inside for method a, 2 of 4
        // for method b.
        double[] pointsA = {0, 0, 1, 1, 2, 2, -1, 3};
        double[] pointsB = {0, 0, 0.1, 0.2, 2, 2, -1, 3};
        List<RunRecord> runs = List.of(
                read("a", SyntheticRuns.write(dir.resolve("a1"), 1, early,
                        new double[] {8, 0.9, 0.0, 1e-3}, pointsA, true)),
                read("a", SyntheticRuns.write(dir.resolve("a2"), 2, early,
                        new double[] {6, 0.8, 0.3, 2e-3}, pointsA, true)),
                read("a", SyntheticRuns.write(dir.resolve("a3"), 3, early,
                        new double[] {7, 0.7, 0.6, 3e-3}, pointsA, true)),
                read("b", SyntheticRuns.write(dir.resolve("b1"), 1, early,
                        new double[] {4, 0.5, 1.0, 1e-2}, pointsB, true)),
                read("b", SyntheticRuns.write(dir.resolve("b2"), 2, early,
                        new double[] {8, 0.6, 1.0, 3e-2}, pointsB, true)),
                read("b", SyntheticRuns.write(dir.resolve("b3"), 3, early,
                        new double[] {0, 0, 9, 9}, pointsB, false)));
        Region centre = Region.parse("--region", "centre=0,0:0.5");
        Path out = dir.resolve("report");

        String table = new Report("test", runs, List.of(centre), 5).write(out);

        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        assertThat(summary.get(0)).isEqualTo("method,runs,finished,modes_covered_mean,"
                + "modes_covered_sd,high_quality_mean,high_quality_sd,kl_uniform_mean,"
                + "kl_uniform_sd,mmd2_held_out_mean,mmd2_held_out_sd,share_centre_mean,"
                + "share_centre_sd");
        double[] a = numbers(summary.get(1));
        double[] b = numbers(summary.get(2));
        // a: modes (8, 6, 7) → 7 ± 1; quality (0.9, 0.8, 0.7) → 0.8 ± 0.1;
        // KL (0, 0.3, 0.6) → 0.3 ± 0.3; MMD² (1, 2, 3)e-3 → 2e-3 ± 1e-3; share 1/4 ± 0.
        assertThat(summary.get(1)).startsWith("a,3,3,");
        assertThat(a).containsExactly(new double[] {7, 1, 0.8, 0.1, 0.3, 0.3, 2e-3, 1e-3,
            0.25, 0}, within(ROUNDING));
        // b: the unfinished third seed is left out; modes (4, 8) → 6 ± 2√2; quality
        // (0.5, 0.6) → 0.55 ± 0.1/√2; KL 1 ± 0; MMD² (1, 3)e-2 → 2e-2 ± √2·1e-2;
        // share 2/4 ± 0.
        assertThat(summary.get(2)).startsWith("b,3,2,");
        assertThat(b).containsExactly(new double[] {6, 2 * Math.sqrt(2), 0.55,
            0.1 / Math.sqrt(2), 1, 0, 2e-2, Math.sqrt(2) * 1e-2, 0.5, 0}, within(ROUNDING));
        assertThat(table).contains("| a | 3/3 | 7.00 ± 1.00 | 80.0 ± 10.0 | 0.300 ± 0.300 "
                + "| 2.00e-03 ± 1.00e-03 | 25.00 ± 0.00 |");
        assertThat(table).contains("| b | 2/3 | 6.00 ± 2.83 |");
        assertThat(Files.readString(out.resolve("summary.md")))
                .contains("Runs without summary.json").contains(dir.resolve("b3").toString());
        assertThat(Files.readAllLines(out.resolve("runs.csv"))).hasSize(7);
        for (String png : List.of("curves.png", "samples-grid.png", "regions.png")) {
            assertThat(out.resolve(png)).isRegularFile();
        }
    }

    @Test
    void meanCurveAveragesTheSeedsAtEachStep(@TempDir Path dir) throws IOException {
        double[] points = {0, 0};
        RunRecord one = read("a", SyntheticRuns.write(dir.resolve("1"), 1,
                new double[] {2, 0, 0, 0}, new double[] {6, 0, 0, 0}, points, true));
        RunRecord two = read("a", SyntheticRuns.write(dir.resolve("2"), 2,
                new double[] {4, 0, 0, 0}, new double[] {8, 0, 0, 0}, points, true));

        double[][] curve = Report.meanCurve(List.of(one, two), "modes_covered", 1);

        assertThat(curve[0]).containsExactly(10, 20);
        assertThat(curve[1]).containsExactly(new double[] {3, 7}, within(ROUNDING));
    }

    @Test
    void spreadKeepsFirstAndLastFrames() {
        assertThat(Report.spread(3, 5)).containsExactly(0, 1, 2);
        assertThat(Report.spread(11, 5)).containsExactly(0, 3, 5, 8, 10);
        assertThat(Report.spread(7, 1)).containsExactly(6);
    }

    @Test
    void badRegionsNameTheOptionAndTheExpectedForm() {
        assertThatThrownBy(() -> Region.parse("--region", "centre=0,0"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("--region 'centre=0,0': expected NAME=x,y:r, e.g. "
                        + "rare-mode=2,0:0.06");
        assertThatThrownBy(() -> Region.parse("--region", "c=0,a:1"))
                .hasMessage("--region 'c=0,a:1': y 'a' is not a finite number; expected "
                        + "NAME=x,y:r, e.g. rare-mode=2,0:0.06");
        assertThatThrownBy(() -> Region.parse("--region", "c=0,0:-1"))
                .hasMessage("--region 'c=0,0:-1': radius -1.0 is negative; expected r ≥ 0");
    }

    private static RunRecord read(String method, Path folder) {
        return RunRecord.read(method, folder);
    }

    private static double[] numbers(String line) {
        String[] cells = line.split(",");
        double[] v = new double[cells.length - 3];
        for (int i = 3; i < cells.length; i++) {
            v[i - 3] = Double.parseDouble(cells[i]);
        }
        return v;
    }
}
