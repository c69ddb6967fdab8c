package kgan.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.ejml.data.DMatrixRMaj;
import org.knowm.xchart.XYChart;

import kgan.data.DataException;
import kgan.data.Datasets;
import kgan.linalg.Rng;
import kgan.plot.AxisRanges;
import kgan.plot.LinePlot;
import kgan.plot.Png;
import kgan.plot.ScatterPlot;
import kgan.data.AtomicFiles;
import kgan.train.Trainer;

/**
 * Aggregates run folders over seeds, one method per label: a table of the final
 * mode-collapse metrics (modes covered, high-quality share, KL divergence of the mode
 * histogram from uniform, MMD² to held-out data) as mean ± sample standard deviation over
 * the seeds, the same metrics against the step (mean over seeds, one line per method), a
 * grid of sample plots over training with the witness points, and, for each region, the
 * share of generated points inside it.
 *
 * <p>Files written into the output folder: summary.md, summary.csv (one row per method),
 * runs.csv (one row per run), curves.png, samples-grid.png and, with regions, regions.png.
 */
public final class Report {

    /** A metric of the table: its metrics.csv column, heading, format and display scale. */
    record Metric(String column, String heading, String format, double scale, boolean logY) {
    }

    /** The metrics of the table and of the curves, in order. */
    static final List<Metric> METRICS = List.of(
            new Metric("modes_covered", "modes covered", "%.2f", 1, false),
            new Metric("high_quality", "high quality %", "%.1f", 100, false),
            new Metric("kl_uniform", "KL from uniform", "%.3f", 1, false),
            new Metric("mmd2_held_out", "MMD² to held-out", "%.2e", 1, true));

    private static final int CURVE_WIDTH = 560;
    private static final int CURVE_HEIGHT = 300;
    private static final int CELL = 300;
    private static final int DATA_POINTS = 1000;

    private final String title;
    private final Map<String, List<RunRecord>> runs = new LinkedHashMap<>();
    private final List<Region> regions;
    private final int frames;
    private final Map<RunRecord, double[]> finalShares = new LinkedHashMap<>();

    /**
     * @param title   the heading of summary.md
     * @param records the runs; those sharing a method label are seeds of one method, and
     *                methods keep the order of their first run
     * @param regions the regions whose share of generated points is reported
     * @param frames  the most columns of the samples grid (≥ 1)
     */
    public Report(String title, List<RunRecord> records, List<Region> regions, int frames) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("report: no runs");
        }
        this.title = title;
        this.regions = List.copyOf(regions);
        this.frames = frames;
        for (RunRecord r : records) {
            runs.computeIfAbsent(r.method(), k -> new ArrayList<>()).add(r);
        }
        for (RunRecord r : records) {
            if (r.finished()) {
                finalShares.put(r, finalShares(r));
            }
        }
    }

    /** The finished runs of a method. */
    private List<RunRecord> finished(String method) {
        return runs.get(method).stream().filter(RunRecord::finished).toList();
    }

    /** The final value of a metric (display scale) for each finished run of a method. */
    double[] finals(String method, Metric metric) {
        return finished(method).stream()
                .mapToDouble(r -> metric.scale() * r.last(metric.column())).toArray();
    }

    /** The final share of generated points in region k for each finished run of a method. */
    double[] shares(String method, int k) {
        return finished(method).stream().mapToDouble(r -> finalShares.get(r)[k]).toArray();
    }

    /**
     * Each region's share of the points of the last evaluation: read from its samples file,
     * or, for a run that kept none, drawn from its checkpoint as {@code kgan sample} would,
     * with the run's evaluation size and seed.
     */
    private double[] finalShares(RunRecord r) {
        double[] shares = new double[regions.size()];
        if (regions.isEmpty()) {
            return shares;
        }
        DMatrixRMaj points;
        if (!r.frames().isEmpty()) {
            points = Frame.read(r.frames().get(r.frames().size() - 1)).model();
        } else {
            points = Trainer.load(r.folder()).sample(r.config().evalSamples(),
                    new Rng(r.seed()));
        }
        for (int k = 0; k < shares.length; k++) {
            shares[k] = regions.get(k).share(points);
        }
        return shares;
    }

    /** Writes every file into {@code out} and returns the Markdown table. */
    public String write(Path out) {
        String table = markdownTable();
        AtomicFiles.writeString(out.resolve("summary.csv"), summaryCsv());
        AtomicFiles.writeString(out.resolve("runs.csv"), runsCsv());
        AtomicFiles.writeString(out.resolve("summary.md"), markdown(table));
        writeCurves(out.resolve("curves.png"));
        writeSamplesGrid(out.resolve("samples-grid.png"));
        if (!regions.isEmpty()) {
            writeRegionCurves(out.resolve("regions.png"));
        }
        return table;
    }

    String markdownTable() {
        StringBuilder md = new StringBuilder("| method | runs |");
        for (Metric m : METRICS) {
            md.append(' ').append(m.heading()).append(" |");
        }
        for (Region g : regions) {
            md.append(" share in ").append(g.name()).append(" % |");
        }
        md.append('\n').append("|---|---|");
        md.append("---|".repeat(METRICS.size() + regions.size())).append('\n');
        for (String method : runs.keySet()) {
            md.append("| ").append(method).append(" | ").append(finished(method).size())
                    .append('/').append(runs.get(method).size()).append(" |");
            for (Metric m : METRICS) {
                md.append(' ').append(MeanSd.of(finals(method, m)).format(m.format()))
                        .append(" |");
            }
            for (int k = 0; k < regions.size(); k++) {
                double[] percent = shares(method, k);
                for (int i = 0; i < percent.length; i++) {
                    percent[i] *= 100;
                }
                md.append(' ').append(MeanSd.of(percent).format("%.2f")).append(" |");
            }
            md.append('\n');
        }
        return md.toString();
    }

    private String markdown(String table) {
        StringBuilder md = new StringBuilder("# ").append(title).append("\n\n");
        md.append("Final evaluation of each run; mean ± sample standard deviation over the\n")
                .append("seeds of each method (runs: finished/given).\n\n").append(table);
        md.append("\n![metrics against the step, mean over seeds](curves.png)\n\n");
        md.append("![samples over training, first finished seed of each method]")
                .append("(samples-grid.png)\n");
        if (!regions.isEmpty()) {
            md.append("\n![share of generated points in each region](regions.png)\n\n")
                    .append("Regions (share of generated points within distance r of c):\n\n");
            for (Region g : regions) {
                md.append(String.format(Locale.ROOT, "- %s: c = (%s, %s), r = %s%n", g.name(),
                        g.centre()[0], g.centre()[1], g.radius()));
            }
        }
        List<RunRecord> unfinished = runs.values().stream().flatMap(List::stream)
                .filter(r -> !r.finished()).toList();
        if (!unfinished.isEmpty()) {
            md.append("\nRuns without summary.json (failed or unfinished), left out:\n\n");
            for (RunRecord r : unfinished) {
                md.append("- ").append(r.method()).append(": ").append(r.folder()).append('\n');
            }
        }
        md.append("\nPer run: runs.csv. Per method: summary.csv.\n");
        return md.toString();
    }

    private String summaryCsv() {
        StringBuilder csv = new StringBuilder("method,runs,finished");
        for (Metric m : METRICS) {
            csv.append(',').append(m.column()).append("_mean,").append(m.column())
                    .append("_sd");
        }
        for (Region g : regions) {
            csv.append(",share_").append(g.name()).append("_mean,share_").append(g.name())
                    .append("_sd");
        }
        csv.append('\n');
        for (String method : runs.keySet()) {
            csv.append(csvCell(method)).append(',').append(runs.get(method).size())
                    .append(',').append(finished(method).size());
            for (Metric m : METRICS) {
                // The CSV keeps the metrics.csv scale (fractions, not percent).
                double[] raw = finals(method, m);
                for (int i = 0; i < raw.length; i++) {
                    raw[i] /= m.scale();
                }
                appendMeanSd(csv, MeanSd.of(raw));
            }
            for (int k = 0; k < regions.size(); k++) {
                appendMeanSd(csv, MeanSd.of(shares(method, k)));
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    private String runsCsv() {
        StringBuilder csv = new StringBuilder("method,seed,folder,finished");
        for (Metric m : METRICS) {
            csv.append(',').append(m.column());
        }
        for (Region g : regions) {
            csv.append(",share_").append(g.name());
        }
        csv.append('\n');
        for (List<RunRecord> list : runs.values()) {
            for (RunRecord r : list) {
                csv.append(csvCell(r.method())).append(',').append(r.seed()).append(',')
                        .append(csvCell(r.folder().toString())).append(',')
                        .append(r.finished());
                for (Metric m : METRICS) {
                    csv.append(',').append(r.finished() ? number(r.last(m.column())) : "");
                }
                for (int k = 0; k < regions.size(); k++) {
                    csv.append(',').append(r.finished() ? number(finalShares.get(r)[k]) : "");
                }
                csv.append('\n');
            }
        }
        return csv.toString();
    }

    private static void appendMeanSd(StringBuilder csv, MeanSd s) {
        csv.append(',').append(number(s.mean())).append(',').append(number(s.sd()));
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    private static String csvCell(String text) {
        if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    /** The mean over the finished seeds of a metric at each step any of them reached. */
    static double[][] meanCurve(List<RunRecord> seeds, String column, double scale) {
        TreeMap<Double, List<Double>> byStep = new TreeMap<>();
        for (RunRecord r : seeds) {
            double[] values = r.metrics().get(column);
            for (int i = 0; values != null && i < values.length; i++) {
                byStep.computeIfAbsent(r.steps()[i], k -> new ArrayList<>())
                        .add(scale * values[i]);
            }
        }
        return curve(byStep);
    }

    private static double[][] curve(TreeMap<Double, List<Double>> byStep) {
        double[][] curve = new double[2][byStep.size()];
        int i = 0;
        for (Map.Entry<Double, List<Double>> e : byStep.entrySet()) {
            curve[0][i] = e.getKey();
            curve[1][i] = MeanSd.of(e.getValue().stream().mapToDouble(Double::doubleValue)
                    .toArray()).mean();
            i++;
        }
        return curve;
    }

    private void writeCurves(Path file) {
        List<XYChart> charts = new ArrayList<>();
        for (Metric m : METRICS) {
            List<double[][]> curves = new ArrayList<>();
            double low = Double.POSITIVE_INFINITY;
            double high = 0;
            for (String method : runs.keySet()) {
                double[][] c = meanCurve(finished(method), m.column(), m.scale());
                curves.add(c);
                for (double v : c[1]) {
                    if (v > 0 && Double.isFinite(v)) {
                        low = Math.min(low, v);
                        high = Math.max(high, v);
                    }
                }
            }
            // XChart labels a logarithmic axis only at powers of ten: within one decade it
            // would show none, so such curves keep a linear axis.
            LinePlot plot = new LinePlot(CURVE_WIDTH, CURVE_HEIGHT).title(m.heading())
                    .yLabel(m.heading()).logY(m.logY() && high > 10 * low);
            int k = 0;
            for (String method : runs.keySet()) {
                plot.add(method, curves.get(k)[0], curves.get(k)[1]);
                k++;
            }
            charts.add(plot.chart());
        }
        Png.writePanel(charts, 2, 2, file);
    }

    private void writeRegionCurves(Path file) {
        List<XYChart> charts = new ArrayList<>();
        for (Region g : regions) {
            LinePlot plot = new LinePlot(CURVE_WIDTH, CURVE_HEIGHT)
                    .title("share in " + g.name() + " %").yLabel("%");
            for (String method : runs.keySet()) {
                TreeMap<Double, List<Double>> byStep = new TreeMap<>();
                for (RunRecord r : finished(method)) {
                    for (Path f : r.frames()) {
                        byStep.computeIfAbsent((double) Frame.stepOf(f),
                                k -> new ArrayList<>()).add(100 * g.share(Frame.read(f).model()));
                    }
                }
                double[][] c = curve(byStep);
                plot.add(method, c[0], c[1]);
            }
            charts.add(plot.chart());
        }
        Png.writePanel(charts, 1, charts.size(), file);
    }

    /**
     * Rows: the methods (their first finished run with samples files); columns: up to
     * {@code frames} evaluations spread evenly over training, the last always included.
     */
    private void writeSamplesGrid(Path file) {
        List<List<Frame>> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        DMatrixRMaj data = null;
        int columns = 1;
        for (String method : runs.keySet()) {
            RunRecord shown = finished(method).stream().filter(r -> !r.frames().isEmpty())
                    .findFirst().orElse(null);
            List<Frame> row = new ArrayList<>();
            if (shown != null) {
                for (int index : spread(shown.frames().size(), frames)) {
                    row.add(Frame.read(shown.frames().get(index)));
                }
                if (data == null) {
                    data = dataSample(shown);
                }
            }
            rows.add(row);
            names.add(method + (shown == null ? "" : ", seed " + shown.seed()));
            columns = Math.max(columns, row.size());
        }

        AxisRanges axes = data != null ? axes(data, rows) : null;
        List<XYChart> charts = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < columns; j++) {
                ScatterPlot cell = new ScatterPlot(CELL, CELL).axisRanges(axes);
                if (j < rows.get(i).size()) {
                    Frame f = rows.get(i).get(j);
                    cell.title(names.get(i) + ", step " + f.step());
                    if (data != null) {
                        cell.data(data);
                    }
                    cell.model(f.model()).witnesses(f.learned()).fixedWitnesses(f.fixed());
                } else {
                    cell.title(names.get(i) + (j == 0 ? ": no samples" : ""));
                }
                charts.add(cell.chart());
            }
        }
        Png.writePanel(charts, rows.size(), columns, file);
    }

    /**
     * The data with a margin, widened to the generated points that stray from it, but no
     * further than two data widths on each side, so one run far off does not shrink the rest.
     */
    private static AxisRanges axes(DMatrixRMaj data, List<List<Frame>> rows) {
        List<DMatrixRMaj> sets = new ArrayList<>(List.of(data));
        rows.forEach(row -> row.forEach(f -> {
            if (f.model().numRows > 0) {
                sets.add(f.model());
            }
        }));
        AxisRanges all = AxisRanges.around(0.1, sets.toArray(DMatrixRMaj[]::new));
        AxisRanges near = AxisRanges.around(0.5, data);
        AxisRanges far = AxisRanges.around(2.0, data);
        return new AxisRanges(Math.min(near.xMin(), Math.max(far.xMin(), all.xMin())),
                Math.max(near.xMax(), Math.min(far.xMax(), all.xMax())),
                Math.min(near.yMin(), Math.max(far.yMin(), all.yMin())),
                Math.max(near.yMax(), Math.min(far.yMax(), all.yMax())));
    }

    /** Up to {@code most} indices of 0..count−1, evenly spread, first and last included. */
    static List<Integer> spread(int count, int most) {
        List<Integer> indices = new ArrayList<>();
        if (count <= most) {
            for (int i = 0; i < count; i++) {
                indices.add(i);
            }
            return indices;
        }
        for (int k = 0; k < most; k++) {
            int index = most == 1 ? count - 1
                    : (int) Math.round(k * (count - 1) / (double) (most - 1));
            if (!indices.contains(index)) {
                indices.add(index);
            }
        }
        return indices;
    }

    /** Data points for the grid's background, or null when the data cannot be drawn. */
    private static DMatrixRMaj dataSample(RunRecord run) {
        try {
            DMatrixRMaj x = Datasets.byName(run.config().data()).sample(DATA_POINTS,
                    new Rng(0));
            if (x.numCols < 2) {
                return null;
            }
            DMatrixRMaj plane = new DMatrixRMaj(x.numRows, 2);
            for (int i = 0; i < x.numRows; i++) {
                plane.set(i, 0, x.get(i, 0));
                plane.set(i, 1, x.get(i, 1));
            }
            return plane;
        } catch (DataException e) {
            // A CSV data set named relative to where training ran: draw the model alone.
            return null;
        }
    }

    /** The method labels, in order. */
    public List<String> methods() {
        return List.copyOf(runs.keySet());
    }

    /** The report's title. */
    public String title() {
        return title;
    }
}
