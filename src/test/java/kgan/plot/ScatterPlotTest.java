package kgan.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler.LegendPosition;

import kgan.data.AtomicFiles;
import kgan.data.GaussianMixture;
import kgan.data.OutputException;
import kgan.linalg.Dense;
import kgan.linalg.Rng;

class ScatterPlotTest {

    @TempDir
    Path dir;

    private static List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }

    @Test
    void writesAPngOfTheRequestedSizeAndNoTemporaryFile() throws IOException {
        Rng rng = new Rng(1);
        DMatrixRMaj data = GaussianMixture.ring().sample(500, rng);
        DMatrixRMaj model = Dense.scale(0.3, rng.gaussian(500, 2));
        DMatrixRMaj witnesses = Dense.of(2, 2, 1.0, 1.0, -1.5, 0.5);
        Path file = dir.resolve("frames").resolve("step-100.png");

        new ScatterPlot(640, 480).title("step 100").axisRanges(AxisRanges.square(3))
                .data(data).model(model).witnesses(witnesses)
                .fixedWitnesses(Dense.of(1, 2, 0, 2)).write(file);

        assertThat(Files.size(file)).isPositive();
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(480);
        assertThat(filesIn(file.getParent())).containsExactly(file);
    }

    @Test
    void plainSeriesTakeDistinctPaletteColoursAndTheLegendCanGoBelow() {
        XYChart chart = new ScatterPlot(300, 200).legendBelow()
                .series("standard", Dense.of(1, 2, -1, 0))
                .series("wasserstein", Dense.of(1, 2, 0, 1)).chart();

        assertThat(chart.getStyler().getLegendPosition()).isEqualTo(LegendPosition.OutsideS);
        assertThat(chart.getSeriesMap()).containsOnlyKeys("standard", "wasserstein");
        // No role colour is set: drawn, XChart gives each series the next colour of its
        // palette, so the two differ.
        assertThat(chart.getSeriesMap().values()).allSatisfy(
                series -> assertThat(series.getMarkerColor()).isNull());
        BitmapEncoder.getBufferedImage(chart);
        assertThat(chart.getSeriesMap().get("standard").getMarkerColor()).isNotNull()
                .isNotEqualTo(chart.getSeriesMap().get("wasserstein").getMarkerColor());
    }

    @Test
    void overwritesAnEarlierFrame() throws IOException {
        Path file = dir.resolve("frame.png");
        Files.writeString(file, "not an image");

        new ScatterPlot(300, 200).data(Dense.of(2, 2, 0, 0, 1, 1)).write(file);

        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(300);
        assertThat(filesIn(dir)).containsExactly(file);
    }

    @Test
    void theDataSetsAreDrawnInTheirRoleColours() throws IOException {
        Path file = dir.resolve("colours.png");
        DMatrixRMaj block = new DMatrixRMaj(400, 2);
        for (int i = 0; i < 400; i++) {
            block.set(i, 0, (i % 20) / 20.0);
            block.set(i, 1, (i / 20) / 20.0);
        }

        new ScatterPlot(200, 200).axisRanges(AxisRanges.square(1)).witnesses(block).write(file);

        BufferedImage image = ImageIO.read(file.toFile());
        int red = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (r > 180 && g < 80 && b < 80) {
                    red++;
                }
            }
        }
        assertThat(red).isGreaterThan(500);
    }

    @Test
    void anEmptyPlotStillWritesAFrame() throws IOException {
        Path file = dir.resolve("empty.png");

        new ScatterPlot(200, 150).axisRanges(AxisRanges.square(2))
                .witnesses(new DMatrixRMaj(0, 2)).write(file);

        assertThat(ImageIO.read(file.toFile()).getHeight()).isEqualTo(150);
    }

    @Test
    void pointsMustBeTwoDimensional() {
        ScatterPlot plot = new ScatterPlot(200, 200);

        assertThatThrownBy(() -> plot.model(new DMatrixRMaj(5, 3)))
                .hasMessageContaining("'model'").hasMessageContaining("5×3")
                .hasMessageContaining("expected 2 columns");
    }

    @Test
    void axisRangesAroundPointsAddTheMargin() {
        AxisRanges r = AxisRanges.around(0.1, Dense.of(2, 2, 0, 0, 10, 5),
                Dense.of(1, 2, Double.NaN, 100));

        assertThat(r).isEqualTo(new AxisRanges(-1, 11, -0.5, 5.5));
        assertThatThrownBy(() -> new AxisRanges(1, 1, 0, 1)).hasMessageContaining("min < max");
    }

    @Test
    void aPanelHoldsChartsSideBySide() throws IOException {
        Path file = dir.resolve("panel.png");
        ScatterPlot a = new ScatterPlot(200, 150).data(Dense.of(1, 2, 0, 0));
        ScatterPlot b = new ScatterPlot(200, 150).model(Dense.of(1, 2, 1, 1));

        Png.writePanel(List.of(a.chart(), b.chart()), 1, 2, file);

        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(400);
        assertThat(image.getHeight()).isEqualTo(150);
        assertThat(filesIn(dir)).containsExactly(file);
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("keep.png");
        Files.writeString(file, "old");

        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write(1);
            throw new IOException("disk full");
        })).isInstanceOf(OutputException.class)
                .hasMessage(file + " cannot be written: disk full");

        assertThat(Files.readString(file)).isEqualTo("old");
        assertThat(filesIn(dir)).containsExactly(file);
    }

    @Test
    void theImageGetsTheUsualPermissionsOfANewFile() throws IOException {
        Path file = dir.resolve("plot.png");
        Path plain = Files.createDirectories(dir.resolve("other")).resolve("plain");
        Files.writeString(plain, "");

        new ScatterPlot(100, 100).data(Dense.of(1, 2, 0, 0)).write(file);

        assertThat(Files.getPosixFilePermissions(file))
                .isEqualTo(Files.getPosixFilePermissions(plain));
    }
}
