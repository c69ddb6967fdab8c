package kgan.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
                .hasMessage("unknown data set 'rng'; expected ring, grid or the path of a CSV"
                        + " file");
        assertThatThrownBy(() -> Datasets.byName(""))
                .hasMessageContaining("no data set given");
    }

    @Test
    void aMissingCsvPathReportsTheFile() {
        assertThatThrownBy(() -> Datasets.byName("no/such.csv"))
                .isInstanceOf(DataException.class)
                .hasMessage("file no/such.csv does not exist");
    }
}
