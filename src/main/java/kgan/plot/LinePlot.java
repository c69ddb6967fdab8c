package kgan.plot;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Curves of metrics against the training step, several series on one pair of axes:
 * for example MMD² to held-out data for each regulariser, or modes covered for each seed.
 *
 * <p>Points whose value is NaN or infinite (a metric not computed at that step, or a run
 * that diverged) are left out, and so are non-positive values on a logarithmic y-axis; the
 * line joins the points that remain.
 */
public final class LinePlot {

    private final int width;
    private final int height;
    private String title = "";
    private String xLabel = "step";
    private String yLabel = "";
    private boolean logY;
    private Double yMin;
    private Double yMax;
    private final Map<String, double[][]> series = new LinkedHashMap<>();

    /** An empty plot of width × height pixels. */
    public LinePlot(int width, int height) {
        if (width < 50 || height < 50) {
            throw new IllegalArgumentException("line plot: size " + width + "×" + height
                    + " px; expected at least 50×50");
        }
        this.width = width;
        this.height = height;
    }

    /** Sets the title shown above the plot. */
    public LinePlot title(String title) {
        this.title = title;
        return this;
    }

    /** Sets the x-axis label ("step" unless changed). */
    public LinePlot xLabel(String label) {
        this.xLabel = label;
        return this;
    }

    /** Sets the y-axis label, typically the metric's name. */
    public LinePlot yLabel(String label) {
        this.yLabel = label;
        return this;
    }

    /** Draws the y-axis on a logarithmic scale (for MMD² and other values spanning decades). */
    public LinePlot logY(boolean logarithmic) {
        this.logY = logarithmic;
        return this;
    }

    /** Fixes the y-axis to [min, max], for curves compared across plots. */
    public LinePlot yRange(double min, double max) {
        if (!(min < max)) {
            throw new IllegalArgumentException("line plot: y range [" + min + ", " + max
                    + "]; expected min < max");
        }
        this.yMin = min;
        this.yMax = max;
        return this;
    }

    /**
     * Adds a curve: values[i] at steps[i]. Not modified (copied).
     *
     * @throws IllegalArgumentException when the arrays differ in length or the name is taken
     */
    public LinePlot add(String name, double[] steps, double[] values) {
        if (steps.length != values.length) {
            throw new IllegalArgumentException("line plot, series '" + name + "': "
                    + steps.length + " steps but " + values.length + " values; expected one"
                    + " value per step");
        }
        if (series.containsKey(name)) {
            throw new IllegalArgumentException("line plot: series '" + name
                    + "' added twice; expected distinct names");
        }
        series.put(name, new double[][] {steps.clone(), values.clone()});
        return this;
    }

    /** Adds a curve from lists: values.get(i) at steps.get(i). */
    public LinePlot add(String name, List<? extends Number> steps,
            List<? extends Number> values) {
        return add(name, toArray(steps), toArray(values));
    }

    private static double[] toArray(List<? extends Number> list) {
        double[] a = new double[list.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = list.get(i).doubleValue();
        }
        return a;
    }

    /** The XChart chart of the current series, for panels or further styling. */
    public XYChart chart() {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        chart.getStyler()
                .setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Line)
                .setMarkerSize(4)
                .setLegendPosition(LegendPosition.OutsideE)
                .setChartBackgroundColor(Color.WHITE)
                .setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setYAxisLogarithmic(logY);
        if (yMin != null) {
            chart.getStyler().setYAxisMin(yMin).setYAxisMax(yMax);
        }

        boolean drawn = false;
        double low = Double.POSITIVE_INFINITY;
        double high = 0;
        for (Map.Entry<String, double[][]> e : series.entrySet()) {
            double[][] kept = drawable(e.getValue()[0], e.getValue()[1]);
            if (kept[0].length == 0) {
                continue;
            }
            XYSeries s = chart.addSeries(e.getKey(), kept[0], kept[1]);
            s.setMarker(SeriesMarkers.CIRCLE);
            drawn = true;
            for (double v : kept[1]) {
                low = Math.min(low, v);
                high = Math.max(high, v);
            }
        }
        if (logY && yMin == null && drawn) {
            // XChart labels a log axis at powers of ten only: a range within one decade would
            // have no label, so the axis runs from the decade below to the decade above.
            double floor = Math.pow(10, Math.floor(Math.log10(low)));
            double ceiling = Math.pow(10, Math.ceil(Math.log10(high)));
            chart.getStyler().setYAxisMin(floor).setYAxisMax(ceiling > floor ? ceiling
                    : 10 * floor);
        }
        if (!drawn) {
            // XChart cannot draw axes without a series; an invisible one keeps the frame.
            XYSeries blank = chart.addSeries(" ", new double[] {0, 1},
                    new double[] {1, logY ? 10 : 2});
            blank.setShowInLegend(false);
            blank.setMarker(SeriesMarkers.NONE);
            blank.setLineColor(new Color(0, 0, 0, 0));
        }
        return chart;
    }

    /** The (step, value) pairs that can be drawn: both finite, value &gt; 0 on a log axis. */
    private double[][] drawable(double[] steps, double[] values) {
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i < steps.length; i++) {
            boolean finite = Double.isFinite(steps[i]) && Double.isFinite(values[i]);
            if (finite && (!logY || values[i] > 0)) {
                kept.add(new double[] {steps[i], values[i]});
            }
        }
        double[][] out = new double[2][kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            out[0][i] = kept.get(i)[0];
            out[1][i] = kept.get(i)[1];
        }
        return out;
    }

    /** Writes the plot as a PNG file, atomically (see {@link Png}). */
    public void write(Path file) {
        Png.write(chart(), file);
    }
}
