package kgan.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A scatter plot of 2-D point sets: data, model samples and witness points, each drawn in the
 * style of its {@link Role} so that every frame of every run reads the same way. Sets are
 * drawn in the order of their roles (data at the bottom, witnesses on top), whatever the
 * order they were added in.
 *
 * <pre>
 * new ScatterPlot(600, 600).title("step 2000").axisRanges(AxisRanges.square(3))
 *         .data(x).model(y).witnesses(w).write(Path.of("frames/step-2000.png"));
 * </pre>
 */
public final class ScatterPlot {

    /** What a point set is, which fixes its marker, colour and size. */
    public enum Role {
        /** Samples of the data distribution P: small translucent blue dots. */
        DATA(SeriesMarkers.CIRCLE, new Color(31, 119, 180, 90), 1.0),
        /** Samples of the model Q_θ: small translucent orange dots. */
        MODEL(SeriesMarkers.CIRCLE, new Color(255, 127, 14, 110), 1.0),
        /** Learned witness points: large red diamonds. */
        WITNESS(SeriesMarkers.DIAMOND, new Color(214, 39, 40), 3.5),
        /** Fixed witness points (prior knowledge): large black squares. */
        FIXED_WITNESS(SeriesMarkers.SQUARE, Color.BLACK, 3.0);

        final Marker marker;
        final Color colour;
        final double scale;

        Role(Marker marker, Color colour, double scale) {
            this.marker = marker;
            this.colour = colour;
            this.scale = scale;
        }
    }

    /** Marker size of data and model dots, in pixels; witnesses are drawn larger. */
    static final int DOT_SIZE = 4;

    private record PointSet(String name, double[] x, double[] y, Role role) {
    }

    private final int width;
    private final int height;
    private String title = "";
    private AxisRanges ranges;
    private boolean legendBelow;
    private final List<PointSet> sets = new ArrayList<>();

    /** An empty plot of width × height pixels. */
    public ScatterPlot(int width, int height) {
        if (width < 50 || height < 50) {
            throw new IllegalArgumentException("scatter plot: size " + width + "×" + height
                    + " px; expected at least 50×50");
        }
        this.width = width;
        this.height = height;
    }

    /** Sets the title shown above the plot. */
    public ScatterPlot title(String title) {
        this.title = title;
        return this;
    }

    /** Fixes the visible rectangle; without it the axes fit the points. */
    public ScatterPlot axisRanges(AxisRanges ranges) {
        this.ranges = ranges;
        return this;
    }

    /** Puts the legend under the plot, where it covers no point. */
    public ScatterPlot legendBelow() {
        this.legendBelow = true;
        return this;
    }

    /**
     * Adds the rows of an n×2 matrix under a legend name as dots in the next colour of the
     * chart's palette: for sets that are not data, model or witnesses (eigenvalues, say).
     * Not modified.
     */
    public ScatterPlot series(String name, DMatrixRMaj points) {
        return add(name, points, null);
    }

    /** Adds the rows of an n×2 matrix as data samples, named "data". Not modified. */
    public ScatterPlot data(DMatrixRMaj points) {
        return add("data", points, Role.DATA);
    }

    /** Adds the rows of an n×2 matrix as model samples, named "model". Not modified. */
    public ScatterPlot model(DMatrixRMaj points) {
        return add("model", points, Role.MODEL);
    }

    /** Adds the rows of a J×2 matrix as learned witness points. Not modified. */
    public ScatterPlot witnesses(DMatrixRMaj points) {
        return add("witnesses", points, Role.WITNESS);
    }

    /** Adds the rows of a J×2 matrix as fixed witness points. Not modified. */
    public ScatterPlot fixedWitnesses(DMatrixRMaj points) {
        return add("fixed witnesses", points, Role.FIXED_WITNESS);
    }

    /**
     * Adds the rows of an n×2 matrix under a legend name, in the style of {@code role}. Rows
     * with a non-finite coordinate are left out; an empty set is left out of the legend.
     * Not modified.
     */
    public ScatterPlot add(String name, DMatrixRMaj points, Role role) {
        if (points.numCols != 2) {
            throw new IllegalArgumentException("scatter plot, series '" + name + "': points are "
                    + points.numRows + "×" + points.numCols
                    + "; expected 2 columns (project higher-dimensional points first)");
        }
        for (PointSet s : sets) {
            if (s.name.equals(name)) {
                throw new IllegalArgumentException("scatter plot: series '" + name
                        + "' added twice; expected distinct names");
            }
        }
        int finite = 0;
        for (int i = 0; i < points.numRows; i++) {
            if (Double.isFinite(points.get(i, 0)) && Double.isFinite(points.get(i, 1))) {
                finite++;
            }
        }
        double[] x = new double[finite];
        double[] y = new double[finite];
        int j = 0;
        for (int i = 0; i < points.numRows; i++) {
            if (Double.isFinite(points.get(i, 0)) && Double.isFinite(points.get(i, 1))) {
                x[j] = points.get(i, 0);
                y[j] = points.get(i, 1);
                j++;
            }
        }
        sets.add(new PointSet(name, x, y, role));
        return this;
    }

    /** The XChart chart of the current sets, for panels or further styling. */
    public XYChart chart() {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).build();
        chart.getStyler()
                .setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Scatter)
                .setMarkerSize(DOT_SIZE)
                .setLegendPosition(legendBelow ? LegendPosition.OutsideS
                        : LegendPosition.InsideNE)
                .setLegendBackgroundColor(new Color(255, 255, 255, 200))
                .setChartBackgroundColor(Color.WHITE)
                .setPlotBackgroundColor(Color.WHITE);
        if (ranges != null) {
            chart.getStyler().setXAxisMin(ranges.xMin()).setXAxisMax(ranges.xMax())
                    .setYAxisMin(ranges.yMin()).setYAxisMax(ranges.yMax());
        }

        List<PointSet> ordered = new ArrayList<>(sets);
        ordered.sort(Comparator.comparing(PointSet::role,
                Comparator.nullsFirst(Comparator.naturalOrder())));
        for (PointSet s : ordered) {
            if (s.x.length == 0) {
                continue;
            }
            XYSeries series = chart.addSeries(s.name, s.x, s.y);
            if (s.role == null) {
                series.setMarker(SeriesMarkers.CIRCLE);
                continue;
            }
            series.setMarker(s.role.scale == 1.0 ? s.role.marker
                    : new ScaledMarker(s.role.marker, s.role.scale));
            series.setMarkerColor(s.role.colour);
        }
        if (chart.getSeriesMap().isEmpty()) {
            // XChart cannot draw axes without a series; an invisible one keeps the frame.
            XYSeries blank = chart.addSeries(" ", new double[] {0}, new double[] {0});
            blank.setShowInLegend(false);
            blank.setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    /** Writes the plot as a PNG file, atomically (see {@link Png}). */
    public void write(Path file) {
        Png.write(chart(), file);
    }

    /** A marker drawn {@code scale} times the chart's marker size. */
    private static final class ScaledMarker extends Marker {
        private final Marker base;
        private final double scale;

        ScaledMarker(Marker base, double scale) {
            this.base = base;
            this.scale = scale;
        }

        @Override
        public void paint(Graphics2D g, double x, double y, int size) {
            base.paint(g, x, y, (int) Math.round(size * scale));
        }
    }
}
