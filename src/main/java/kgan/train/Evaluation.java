package kgan.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import kgan.data.AtomicFiles;
import kgan.autodiff.Autodiff;
import kgan.data.Dataset;
import kgan.game.Objectives;
import kgan.kernel.Discrepancy;
import kgan.linalg.Rng;
import kgan.metrics.ModeMetrics;
import kgan.metrics.ModeStatistics;
import kgan.plot.AxisRanges;
import kgan.plot.LinePlot;
import kgan.plot.Png;
import kgan.plot.ScatterPlot;
import kgan.game.Witnesses;

import org.knowm.xchart.XYChart;

/**
 * The mode-collapse metrics of the ring protocol, taken on fresh samples at each evaluation: for a
 * known mixture, modes covered, the high-quality share and the KL divergence of the
 * high-quality mode histogram from uniform; for any data, the unbiased MMD² between
 * generated points and a held-out data sample, with the run's kernel.
 *
 * <p>Evaluation draws from its own random sources, seeded from the run's seed (held-out data)
 * and from the seed and the step (generated points), so evaluating more or less often leaves
 * the training trajectory unchanged.
 */
final class Evaluation {

    private static final long HELD_OUT_STREAM = 0x6b67616e_68656c64L;
    private static final long EVALUATION_STREAM = 0x9e3779b9_7f4a7c15L;

    private static final List<String> COLUMNS = List.of("discriminator_objective",
            "generator_loss", "mmd2_batch", "local_batch", "modes", "modes_covered",
            "high_quality", "kl_uniform", "mmd2_held_out");

    private static final List<String> CURVES = List.of("modes_covered", "high_quality",
            "kl_uniform", "mmd2_held_out", "generator_loss");
    private static final int PLOT_SIZE = 640;
    private static final int CURVE_WIDTH = 640;
    private static final int CURVE_HEIGHT = 220;

    private final TrainConfig config;
    private final RunModel model;
    private final DMatrixRMaj heldOut;
    private final ModeMetrics modes;
    private final AxisRanges axes;
    private Map<String, Double> last = Map.of();
    private DMatrixRMaj lastSamples;

    Evaluation(TrainConfig config, RunModel model) {
        this.config = config;
        this.model = model;
        Dataset data = model.dataset();
        this.heldOut = data.sample(config.evalSamples(),
                new Rng(config.seed() ^ HELD_OUT_STREAM));
        this.modes = data.modeCentres().isEmpty() ? null : ModeMetrics.of(data);
        this.axes = heldOut.numCols < 2 ? null
                : AxisRanges.around(0.5, firstTwoCoordinates(heldOut));
    }

    List<String> columns() {
        return COLUMNS;
    }

    /** The metrics after {@code step}, in {@link #columns()} order (NaN: not applicable). */
    Map<String, Double> evaluate(int step, Objectives objectives) {
        Rng draws = new Rng(config.seed() ^ (EVALUATION_STREAM * (step + 1L)));
        DMatrixRMaj samples = model.sample(config.evalSamples(), draws);
        lastSamples = samples;

        Map<String, Double> row = new LinkedHashMap<>();
        row.put("discriminator_objective", objectives.discriminator());
        row.put("generator_loss", objectives.generator());
        row.put("mmd2_batch", objectives.mmd2());
        row.put("local_batch", objectives.local());
        if (modes != null) {
            ModeStatistics stats = modes.evaluate(samples);
            row.put("modes", (double) stats.modeCount());
            row.put("modes_covered", (double) stats.modesCovered());
            row.put("high_quality", stats.highQualityFraction());
            row.put("kl_uniform", stats.klFromUniform());
        } else {
            for (String c : List.of("modes", "modes_covered", "high_quality", "kl_uniform")) {
                row.put(c, Double.NaN);
            }
        }
        row.put("mmd2_held_out", Autodiff.noGrad(() ->
                Discrepancy.mmd2Unbiased(model.kernel(), heldOut, samples)));
        last = row;
        return row;
    }

    /** The last evaluation's metrics. */
    Map<String, Double> lastMetrics() {
        return last;
    }

    /** The generated points of the last evaluation. */
    DMatrixRMaj lastSamples() {
        return lastSamples;
    }

    DMatrixRMaj heldOut() {
        return heldOut;
    }

    /** A short line for the progress bar. */
    static String brief(Map<String, Double> metrics) {
        Double covered = metrics.get("modes_covered");
        String mmd = String.format(Locale.ROOT, "MMD² %.2e", metrics.get("mmd2_held_out"));
        if (covered == null || covered.isNaN()) {
            return mmd;
        }
        return String.format(Locale.ROOT, "modes %.0f/%.0f, HQ %.1f%%, %s", covered,
                metrics.get("modes"), 100 * metrics.get("high_quality"), mmd);
    }

    /**
     * plots/samples-step-NNNNNN.png: held-out data, the generated points of this evaluation
     * and the witness points, on axes fixed for the whole run so frames compare; beside it
     * plots/samples-step-NNNNNN.csv, the drawn points of the model and of the witnesses (see
     * {@link #pointsCsv}), so reports can redraw or measure them without the checkpoint.
     */
    void plot(Path plots, int step) {
        if (heldOut.numCols < 2) {
            return;
        }
        Witnesses witnesses = model.game().witnesses();
        AtomicFiles.writeString(plots.resolve(String.format(Locale.ROOT,
                "samples-step-%06d.csv", step)), pointsCsv(lastSamples,
                witnesses.learnedPoints(), witnesses.fixedPoints()));
        String title = String.format(Locale.ROOT, "%s, step %d%s", config.data(), step,
                heldOut.numCols > 2 ? " (first two coordinates)" : "");
        ScatterPlot plot = new ScatterPlot(PLOT_SIZE, PLOT_SIZE).title(title)
                .axisRanges(axes)
                .data(firstTwoCoordinates(heldOut))
                .model(firstTwoCoordinates(lastSamples))
                .witnesses(firstTwoCoordinates(witnesses.learnedPoints()))
                .fixedWitnesses(firstTwoCoordinates(witnesses.fixedPoints()));
        plot.write(plots.resolve(String.format(Locale.ROOT, "samples-step-%06d.png", step)));
    }

    /** The first two coordinates, the ones a plot shows (the points themselves for d = 2). */
    private static DMatrixRMaj firstTwoCoordinates(DMatrixRMaj points) {
        if (points.numCols == 2) {
            return points;
        }
        return points.numRows == 0 ? new DMatrixRMaj(0, 2)
                : CommonOps_DDRM.extract(points, 0, points.numRows, 0, 2);
    }

    /**
     * The points of a samples plot as CSV: a header "role,x1,x2", then one row per point
     * whose role is "model", "witness" (learned) or "fixed-witness". Only the first two
     * coordinates are kept, the ones the plot shows, so high-dimensional runs stay small.
     */
    static String pointsCsv(DMatrixRMaj model, DMatrixRMaj learned, DMatrixRMaj fixed) {
        StringBuilder csv = new StringBuilder("role,x1,x2\n");
        appendRows(csv, "model", model);
        appendRows(csv, "witness", learned);
        appendRows(csv, "fixed-witness", fixed);
        return csv.toString();
    }

    private static void appendRows(StringBuilder csv, String role, DMatrixRMaj points) {
        if (points == null) {
            return;
        }
        for (int i = 0; i < points.numRows; i++) {
            csv.append(role).append(',').append(points.get(i, 0)).append(',')
                    .append(points.get(i, 1)).append('\n');
        }
    }

    /** plots/metrics.png: the evaluation metrics against the step, one panel each. */
    void plotCurves(Path plots, List<String> rows) {
        int n = rows.size();
        double[] steps = new double[n];
        double[][] values = new double[COLUMNS.size()][n];
        for (int r = 0; r < n; r++) {
            String[] cells = rows.get(r).split(",", -1);
            steps[r] = Double.parseDouble(cells[0]);
            for (int c = 0; c < COLUMNS.size(); c++) {
                String cell = c + 1 < cells.length ? cells[c + 1] : "";
                values[c][r] = cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
            }
        }
        List<XYChart> charts = new ArrayList<>();
        for (String column : CURVES) {
            double[] series = values[COLUMNS.indexOf(column)];
            if (Double.isNaN(series[n - 1])) {
                continue;
            }
            charts.add(new LinePlot(CURVE_WIDTH, CURVE_HEIGHT).title(column).yLabel(column)
                    .add(column, steps, series).chart());
        }
        Png.writePanel(charts, charts.size(), 1, plots.resolve("metrics.png"));
    }
}
