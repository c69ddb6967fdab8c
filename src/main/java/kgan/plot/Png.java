package kgan.plot;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.List;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writes charts as PNG files atomically: the image goes to a temporary file in the target's
 * folder, which is then renamed over the target. A reader watching the file (a browser, an
 * image viewer refreshing frames during training) never sees a half-written image, and a
 * crash leaves the previous image intact.
 */
public final class Png {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Png() {
    }

    /** Writes one chart, at its own width and height, to {@code file}. */
    public static void write(Chart<?, ?> chart, Path file) throws IOException {
        writeAtomically(file, out -> BitmapEncoder.saveBitmap(chart, out, BitmapFormat.PNG));
    }

    /**
     * Writes charts as a panel of {@code rows} × {@code columns} cells, filled row by row,
     * to {@code file}. Every cell has the size of the first chart; give all charts the same
     * size.
     */
    public static void writePanel(List<? extends Chart<?, ?>> charts, int rows, int columns,
            Path file) throws IOException {
        if (charts.isEmpty() || rows < 1 || columns < 1 || charts.size() > rows * columns) {
            throw new IllegalArgumentException("panel " + file + ": " + charts.size()
                    + " charts do not fit in " + rows + " × " + columns + " cells");
        }
        writeAtomically(file,
                out -> BitmapEncoder.saveBitmap(List.copyOf(charts), rows, columns, out,
                        BitmapFormat.PNG));
    }

    /** Something that writes a whole file's content to a stream. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code content} to a temporary file next to {@code file}, then moves it onto
     * {@code file} with an atomic rename. Creates missing parent folders. On failure the
     * temporary file is removed and {@code file} is untouched.
     */
    static void writeAtomically(Path file, Content content) throws IOException {
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        Files.createDirectories(folder);
        // Not Files.createTempFile: it makes the file private to its owner, and the rename
        // would pass that on to the image. A new file gets the usual permissions.
        Path temporary = folder.resolve("." + target.getFileName() + "."
                + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temporary,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                content.writeTo(out);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                // A file system without atomic rename (rare for a move within one folder):
                // a plain replace is the best it offers.
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
