package kgan.images;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.ejml.data.DMatrixRMaj;

import kgan.data.AtomicFiles;

/**
 * A grid of grey-level image tiles written as a PNG file: an image, not a plot, so it is drawn
 * pixel by pixel (each image pixel a square of {@code scale} screen pixels) with a one-pixel
 * grey border between tiles.
 */
public final class ImageGrid {

    private static final int BORDER = 0x808080;

    private ImageGrid() {
    }

    /**
     * Writes the rows of {@code images} (each rows×columns pixels in [0, 1], row-major; values
     * outside are clamped) as tiles, {@code perRow} to a row of the grid, atomically.
     */
    public static void write(DMatrixRMaj images, int rows, int columns, int perRow, int scale,
            Path file) {
        if (images.numCols != rows * columns) {
            throw new IllegalArgumentException("ImageGrid: images of " + images.numCols
                    + " pixels; expected " + rows + "×" + columns);
        }
        int count = images.numRows;
        int gridColumns = Math.max(1, Math.min(perRow, count));
        int gridRows = Math.max(1, (count + gridColumns - 1) / gridColumns);
        int tileWidth = columns * scale + 1;
        int tileHeight = rows * scale + 1;
        BufferedImage picture = new BufferedImage(gridColumns * tileWidth + 1,
                gridRows * tileHeight + 1, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < picture.getHeight(); y++) {
            for (int x = 0; x < picture.getWidth(); x++) {
                picture.setRGB(x, y, BORDER);
            }
        }

        for (int i = 0; i < count; i++) {
            int left = (i % gridColumns) * tileWidth + 1;
            int top = (i / gridColumns) * tileHeight + 1;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    double v = images.get(i, r * columns + c);
                    int grey = (int) Math.round(255 * Math.max(0, Math.min(1, v)));
                    int rgb = grey << 16 | grey << 8 | grey;
                    for (int dy = 0; dy < scale; dy++) {
                        for (int dx = 0; dx < scale; dx++) {
                            picture.setRGB(left + c * scale + dx, top + r * scale + dy, rgb);
                        }
                    }
                }
            }
        }

        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(picture, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }
}
