package kgan.plot;

import java.nio.file.Path;
import java.util.List;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.internal.chartpart.Chart;

import kgan.data.AtomicFiles;

/**
 * Writes charts as PNG files atomically: the image goes to a temporary file in the target's
 * folder, which is then renamed over the target. A reader watching the file (a browser, an
 * image viewer refreshing frames during training) never sees a half-written image, and a
 * crash leaves the previous image intact.
 */
public final class Png {

    private Png() {
    }

    /**
     * Writes one chart, at its own width and height, to {@code file}.
     *
     * @throws kgan.data.OutputException naming the file when it cannot be written
     */
    public static void write(Chart<?, ?> chart, Path file) {
        AtomicFiles.write(file,
                out -> BitmapEncoder.saveBitmap(chart, out, BitmapFormat.PNG));
    }

    /**
     * Writes charts as a panel of {@code rows} × {@code columns} cells, filled row by row,
     * to {@code file}. Every cell has the size of the first chart; give all charts the same
     * size.
     *
     * @throws kgan.data.OutputException naming the file when it cannot be written
     */
    public static void writePanel(List<? extends Chart<?, ?>> charts, int rows, int columns,
            Path file) {
        if (charts.isEmpty() || rows < 1 || columns < 1 || charts.size() > rows * columns) {
            throw new IllegalArgumentException("panel " + file + ": " + charts.size()
                    + " charts do not fit in " + rows + " × " + columns + " cells");
        }
        AtomicFiles.write(file,
                out -> BitmapEncoder.saveBitmap(List.copyOf(charts), rows, columns, out,
                        BitmapFormat.PNG));
    }
}
