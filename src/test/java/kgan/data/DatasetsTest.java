package kgan.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {

    @TempDir
    Path dir;

    @Test
    void builtInNamesResolveToTheMixtures() {
        Dataset ring = Datasets.byName("ring");
        Dataset grid = Datasets.byName(" grid ");

        assertThat(ring.modeCentres()).hasSize(8);
        assertThat(grid.modeCentres()).hasSize(25);
        assertThat(ring.hasKnownModes()).isTrue();
    }

    @Test
    void aPathResolvesToACsvFileWithoutKnownModes() throws IOException {
        Path file = dir.resolve("points.csv");
        Files.writeString(file, "1,2,3\n");

        Dataset data = Datasets.byName(file.toString());

        assertThat(data).isInstanceOf(CsvDataset.class);
        assertThat(data.dimension()).isEqualTo(3);
        assertThat(data.hasKnownModes()).isFalse();
        assertThat(data.modeStd()).isNaN();
    }

    @Test
    void unknownNameListsWhatIsExpected() {
        assertThatThrownBy(() -> Datasets.byName("rng"))
                .isInstanceOf(DataException.class)
                .hasMessage("unknown data set 'rng'; expected ring, grid, ring-rare[:K:SHARE]"
                        + " or the path of a CSV file");
        assertThatThrownBy(() -> Datasets.byName(""))
                .hasMessageContaining("no data set given");
    }

    @Test
    void aMissingCsvPathReportsTheFile() {
        assertThatThrownBy(() -> Datasets.byName("no/such.csv"))
                .isInstanceOf(DataException.class)
                .hasMessage("file no/such.csv does not exist");
    }

    @Test
    void ringRareGivesTheRareModeItsShare() {
        GaussianMixture plain = (GaussianMixture) Datasets.byName("ring-rare");
        GaussianMixture named = (GaussianMixture) Datasets.byName("ring-rare:3:0.1");

        // The weights are normalised by their sum of 8 terms: at most 8 roundings of relative
        // size 2^-53 ≈ 1.1e-16 each, so every weight is within 1e-15 of its exact value.
        Offset<Double> rounding = within(1e-15);
        assertThat(plain.weights()[0]).isCloseTo(0.02, rounding);
        assertThat(plain.weights()[1]).isCloseTo(0.98 / 7, rounding);
        assertThat(named.weights()[3]).isCloseTo(0.1, rounding);
        assertThat(named.weights()[0]).isCloseTo(0.9 / 7, rounding);
    }

    @Test
    void badRingRareSpecsSayWhatIsExpected() {
        String expected = "expected ring-rare:K:SHARE with K an integer from 0 to 7 and SHARE"
                + " a number strictly between 0 and 1, e.g. ring-rare:0:0.02";
        assertThatThrownBy(() -> Datasets.byName("ring-rare:8:0.02"))
                .isInstanceOf(DataException.class)
                .hasMessage("data set 'ring-rare:8:0.02': mode 8 is not a ring mode; "
                        + expected);
        assertThatThrownBy(() -> Datasets.byName("ring-rare:0:1.5"))
                .hasMessage("data set 'ring-rare:0:1.5': share 1.5 is out of range; "
                        + expected);
        assertThatThrownBy(() -> Datasets.byName("ring-rare:x:0.1"))
                .hasMessage("data set 'ring-rare:x:0.1': mode 'x' is not an integer; "
                        + expected);
        assertThatThrownBy(() -> Datasets.byName("ring-rare:0:a"))
                .hasMessage("data set 'ring-rare:0:a': share 'a' is not a number; "
                        + expected);
        assertThatThrownBy(() -> Datasets.byName("ring-rare:0"))
                .hasMessage("data set 'ring-rare:0': 1 arguments; " + expected);
    }
}
