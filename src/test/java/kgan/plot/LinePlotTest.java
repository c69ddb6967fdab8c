package kgan.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

class LinePlotTest {

    @TempDir
    Path dir;

    @Test
    void writesSeveralCurvesAtTheRequestedSize() throws IOException {
        Path file = dir.resolve("mmd2.png");
        double[] steps = {0, 100, 200, 300};

        new LinePlot(500, 300).title("MMD² to held-out data").yLabel("mmd2").logY(true)
                .add("GAN", steps, new double[] {0.5, 0.2, 0.3, 0.25})
                .add("guided", steps, new double[] {0.5, 0.05, 0.01, 0.002})
                .write(file);

        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(Files.size(file)).isPositive();
        assertThat(image.getWidth()).isEqualTo(500);
        assertThat(image.getHeight()).isEqualTo(300);
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).containsExactly(file);
        }
    }

    @Test
    void undrawablePointsAreLeftOut() {
        XYChart chart = new LinePlot(300, 200).logY(true)
                .add("a", List.of(0, 1, 2, 3), List.of(1.0, Double.NaN, 0.0, 2.0))
                .add("b", new double[] {0}, new double[] {Double.POSITIVE_INFINITY})
                .chart();

        assertThat(chart.getSeriesMap().get("a").getXData()).containsExactly(0.0, 3.0);
        assertThat(chart.getSeriesMap()).doesNotContainKey("b");
    }

    @Test
    void aPlotWithNothingToDrawStillRenders() throws IOException {
        Path file = dir.resolve("empty.png");

        new LinePlot(300, 200).logY(true).add("a", new double[] {1}, new double[] {-1})
                .write(file);

        assertThat(ImageIO.read(file.toFile()).getWidth()).isEqualTo(300);
    }

    @Test
    void mismatchedLengthsAndRepeatedNamesAreRejected() {
        LinePlot plot = new LinePlot(300, 200).add("a", new double[] {1}, new double[] {1});

        assertThatThrownBy(() -> plot.add("b", new double[] {1, 2}, new double[] {1}))
                .hasMessageContaining("'b': 2 steps but 1 values");
        assertThatThrownBy(() -> plot.add("a", new double[] {1}, new double[] {1}))
                .hasMessageContaining("'a' added twice");
    }
}
