package kgan.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ejml.data.DMatrixRMaj;
import org.knowm.xchart.XYChart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import kgan.plot.LinePlot;
import kgan.plot.Png;
import kgan.plot.ScatterPlot;
import kgan.data.AtomicFiles;
import kgan.train.InvalidInputException;

/**
 * Aggregates Jacobian spectra (folders holding the spectrum.json of {@code kgan analyze})
 * along a parameter: each spectrum belongs to a series (e.g. "standard, λ_g") and has the
 * value x of the parameter swept (λ_g, or the witness position v). Writes locus.png (every
 * eigenvalue in the complex plane: the root locus as x moves, or, where each series has only
 * one or two values of x, a chart per series comparing them),
 * stability.png (spectral abscissa and largest stable Euler step against x), spectra.csv
 * and spectra.md (one row per spectrum).
 */
public final class SpectrumReport {

    /**
     * One analysed spectrum.
     *
     * @param series   its series label
     * @param x        the swept parameter's value
     * @param folder   where its spectrum.json is
     * @param summary  the parsed spectrum.json
     * @param real     Re μ of each eigenvalue
     * @param imag     Im μ of each eigenvalue
     */
    public record Entry(String series, double x, Path folder, JsonNode summary, double[] real,
            double[] imag) {

        /** A number field of spectrum.json; NaN when absent or null. */
        double field(String name) {
            JsonNode v = summary.get(name);
            return v == null || v.isNull() ? Double.NaN : v.asDouble();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FIELDS = List.of("dimension", "zeroModes",
            "spectralAbscissa", "offManifoldAbscissa", "largestStableStep");

    private final String title;
    private final String parameter;
    private final List<Entry> entries;

    public SpectrumReport(String title, String parameter, List<Entry> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("spectrum report: no spectra");
        }
        this.title = title;
        this.parameter = parameter;
        this.entries = List.copyOf(entries);
    }

    /** Reads {@code folder}/spectrum.json; the error names the file. */
    public static Entry read(String series, double x, Path folder) {
        Path file = folder.resolve("spectrum.json");
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + " does not exist; is " + folder
                    + " a folder written by kgan analyze --out?");
        } catch (IOException e) {
            throw new InvalidInputException(file + " is not readable JSON: " + e.getMessage());
        }
        JsonNode values = root.get("eigenvalues");
        if (values == null || !values.isArray()) {
            throw new InvalidInputException(file + ": expected an array 'eigenvalues' of "
                    + "{re, im}");
        }
        double[] re = new double[values.size()];
        double[] im = new double[values.size()];
        for (int k = 0; k < re.length; k++) {
            re[k] = values.get(k).path("re").asDouble(Double.NaN);
            im[k] = values.get(k).path("im").asDouble(Double.NaN);
        }
        return new Entry(series, x, folder, root, re, im);
    }

    /** Writes every file into {@code out} and returns the Markdown table. */
    public String write(Path out) {
        String table = table();
        AtomicFiles.writeString(out.resolve("spectra.csv"), csv());
        AtomicFiles.writeString(out.resolve("spectra.md"), "# " + title + "\n\n" + table
                + "\n![eigenvalues for each value of " + parameter + "](locus.png)\n\n"
                + "![spectral abscissa and largest stable step](stability.png)\n");
        writeLocus(out.resolve("locus.png"));
        writeStability(out.resolve("stability.png"));
        return table;
    }

    String table() {
        StringBuilder md = new StringBuilder("| series | " + parameter
                + " | dim | zero modes | spectral abscissa | off-manifold abscissa "
                + "| largest stable step |\n|---|---|---|---|---|---|---|\n");
        for (Entry e : entries) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n",
                    e.series(), e.x(), cell(e.field("dimension"), "%.0f"),
                    cell(e.field("zeroModes"), "%.0f"), cell(e.field("spectralAbscissa"),
                            "%.4g"), cell(e.field("offManifoldAbscissa"), "%.4g"),
                    cell(e.field("largestStableStep"), "%.4g")));
        }
        return md.toString();
    }

    private static String cell(double v, String format) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, format, v);
    }

    private String csv() {
        StringBuilder csv = new StringBuilder("series,x,folder");
        FIELDS.forEach(f -> csv.append(',').append(f));
        csv.append('\n');
        for (Entry e : entries) {
            csv.append(e.series()).append(',').append(e.x()).append(',').append(e.folder());
            for (String f : FIELDS) {
                double v = e.field(f);
                csv.append(',').append(Double.isNaN(v) ? "" : Double.toString(v));
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    private Map<String, List<Entry>> bySeries() {
        Map<String, List<Entry>> map = new LinkedHashMap<>();
        for (Entry e : entries) {
            map.computeIfAbsent(e.series(), k -> new ArrayList<>()).add(e);
        }
        return map;
    }

    /**
     * The eigenvalues in the complex plane. Along a sweep (some series with three or more
     * values of x), one chart with a colour per series: the root locus as x moves. A
     * comparison (every series at one or two values, such as unguided against guided) gets
     * a chart per series with a colour per value, so that the two spectra can be told apart.
     */
    private void writeLocus(Path file) {
        Map<String, List<Entry>> bySeries = bySeries();
        boolean comparison = bySeries.values().stream().allMatch(list -> list.size() <= 2);
        if (!comparison) {
            ScatterPlot plot = new ScatterPlot(700, 640).title(title).legendBelow();
            for (Map.Entry<String, List<Entry>> series : bySeries.entrySet()) {
                plot.series(series.getKey(), eigenvalues(series.getValue()));
            }
            plot.write(file);
            return;
        }
        List<XYChart> charts = new ArrayList<>();
        for (Map.Entry<String, List<Entry>> series : bySeries.entrySet()) {
            ScatterPlot plot = new ScatterPlot(560, 520).title(series.getKey()
                    + ": eigenvalues (Re, Im)").legendBelow();
            List<Entry> byX = new ArrayList<>(series.getValue());
            byX.sort((a, b) -> Double.compare(a.x(), b.x()));
            for (Entry e : byX) {
                plot.series(parameter + " = " + e.x(), eigenvalues(List.of(e)));
            }
            charts.add(plot.chart());
        }
        Png.writePanel(charts, 1, charts.size(), file);
    }

    /** The eigenvalues of the entries as the rows (Re μ, Im μ) of one matrix. */
    private static DMatrixRMaj eigenvalues(List<Entry> entries) {
        int count = entries.stream().mapToInt(e -> e.real().length).sum();
        DMatrixRMaj points = new DMatrixRMaj(count, 2);
        int row = 0;
        for (Entry e : entries) {
            for (int k = 0; k < e.real().length; k++, row++) {
                points.set(row, 0, e.real()[k]);
                points.set(row, 1, e.imag()[k]);
            }
        }
        return points;
    }

    private void writeStability(Path file) {
        LinePlot abscissa = new LinePlot(560, 320).title("spectral abscissa off the manifold")
                .xLabel(parameter).yLabel("max Re μ");
        LinePlot step = new LinePlot(560, 320).title("largest stable Euler step")
                .xLabel(parameter).yLabel("h*");
        for (Map.Entry<String, List<Entry>> series : bySeries().entrySet()) {
            List<Entry> list = new ArrayList<>(series.getValue());
            list.sort((a, b) -> Double.compare(a.x(), b.x()));
            double[] x = list.stream().mapToDouble(Entry::x).toArray();
            abscissa.add(series.getKey(), x, list.stream()
                    .mapToDouble(e -> e.field("offManifoldAbscissa")).toArray());
            step.add(series.getKey(), x, list.stream()
                    .mapToDouble(e -> e.field("largestStableStep")).toArray());
        }
        List<XYChart> charts = List.of(abscissa.chart(), step.chart());
        Png.writePanel(charts, 1, 2, file);
    }
}
