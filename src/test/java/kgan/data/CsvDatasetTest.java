package kgan.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kgan.linalg.Rng;

class CsvDatasetTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void readsAHeaderlessFile() throws IOException {
        Path file = write("a.csv", "1,2\n-3.5, 4e-1\n.5,+6\n");

        CsvDataset data = CsvDataset.load(file);

        assertThat(data.size()).isEqualTo(3);
        assertThat(data.dimension()).isEqualTo(2);
        assertThat(data.columnNames()).isEmpty();
        assertThat(data.points().data).containsExactly(1, 2, -3.5, 0.4, 0.5, 6);
    }

    @Test
    void detectsAQuotedHeaderWithBomCrlfAndBlankTrailingLines() throws IOException {
        Path file = write("b.csv", "\uFEFF\"x, first\",\"y \"\"second\"\"\"\r\n1,2\r\n3,4\r\n\r\n"
                + "   \r\n");

        CsvDataset data = CsvDataset.load(file);

        assertThat(data.columnNames()).containsExactly("x, first", "y \"second\"");
        assertThat(data.points().data).containsExactly(1, 2, 3, 4);
    }

    @Test
    void aFirstRowWithSomeTextIsAHeaderAndCommentLinesAreSkipped() throws IOException {
        Path file = write("c.csv", "# written by numpy\nx1,2\n# middle\n5,6\n");

        CsvDataset data = CsvDataset.load(file);

        assertThat(data.columnNames()).containsExactly("x1", "2");
        assertThat(data.points().data).containsExactly(5, 6);
    }

    @Test
    void samplesRowsUniformlyWithReplacementAndDeterministically() throws IOException {
        Path file = write("d.csv", "x,y\n0,0\n1,10\n2,20\n3,30\n");
        CsvDataset data = CsvDataset.load(file);

        DMatrixRMaj a = data.sample(4000, new Rng(5));
        DMatrixRMaj b = data.sample(4000, new Rng(5));

        assertThat(a.data).containsExactly(b.data);
        int[] counts = new int[4];
        for (int i = 0; i < a.numRows; i++) {
            int row = (int) a.get(i, 0);
            assertThat(a.get(i, 1)).isEqualTo(10.0 * row);
            counts[row]++;
        }
        // Each count is Binomial(4000, 1/4): mean 1000, standard deviation about 27.
        for (int c : counts) {
            assertThat(c).isBetween(880, 1120);
        }
    }

    @Test
    void missingFileIsNamed() {
        Path file = dir.resolve("nope.csv");

        assertThatThrownBy(() -> CsvDataset.load(file))
                .isInstanceOf(DataException.class)
                .hasMessage("file " + file + " does not exist");
    }

    @Test
    void aDirectoryIsNotAFile() {
        assertThatThrownBy(() -> CsvDataset.load(dir))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("is a directory");
    }

    @Test
    void emptyAndHeaderOnlyFilesHaveNoDataRows() throws IOException {
        Path empty = write("e.csv", "");
        Path headerOnly = write("h.csv", "x,y\n\n");

        assertThatThrownBy(() -> CsvDataset.load(empty))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("no data rows").hasMessageContaining("empty");
        assertThatThrownBy(() -> CsvDataset.load(headerOnly))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("no data rows")
                .hasMessageContaining("only a header on line 1");
    }

    @Test
    void raggedRowNamesLineAndExpectedWidth() throws IOException {
        Path file = write("r.csv", "\n1,2\n3,4\n5,6,7\n");
        Path withHeader = write("rh.csv", "x,y\n1,2\n3\n");

        assertThatThrownBy(() -> CsvDataset.load(file))
                .isInstanceOf(DataException.class)
                .hasMessage("file " + file + ", line 4: 3 columns, expected 2 as on line 2");
        assertThatThrownBy(() -> CsvDataset.load(withHeader))
                .hasMessage("file " + withHeader
                        + ", line 3: 1 columns, expected 2 as in the header on line 1");
    }

    @Test
    void nonNumericCellNamesLineAndColumn() throws IOException {
        Path file = write("n.csv", "x,y\n1,2\n3,abc\n");
        Path secondHeader = write("s.csv", "1,2\nx,y\n");

        assertThatThrownBy(() -> CsvDataset.load(file))
                .isInstanceOf(DataException.class)
                .hasMessage("file " + file + ", line 3, column 2: 'abc' is not a number");
        assertThatThrownBy(() -> CsvDataset.load(secondHeader))
                .hasMessageContaining("line 2, column 1: 'x' is not a number")
                .hasMessageContaining("header is allowed only as the first row");
    }

    @Test
    void javaOnlyNumberSyntaxIsRejected() throws IOException {
        Path file = write("j.csv", "1,2\n3,4d\n");

        assertThatThrownBy(() -> CsvDataset.load(file))
                .hasMessageContaining("line 2, column 2: '4d' is not a number");
    }

    @Test
    void nanInfinityOverflowAndEmptyCellsAreRejected() throws IOException {
        Path nan = write("nan.csv", "x,y\n1,2\n3,NaN\n");
        Path inf = write("inf.csv", "1,-inf\n");
        Path overflow = write("o.csv", "1,2\n1e400,0\n");
        Path empty = write("em.csv", "1,2\n3,\n");

        assertThatThrownBy(() -> CsvDataset.load(nan))
                .hasMessage("file " + nan + ", line 3, column 2: 'NaN' is not finite;"
                        + " every value must be a finite number");
        assertThatThrownBy(() -> CsvDataset.load(inf))
                .hasMessageContaining("line 1, column 2: '-inf' is not finite");
        assertThatThrownBy(() -> CsvDataset.load(overflow))
                .hasMessageContaining("line 2, column 1").hasMessageContaining("finite");
        assertThatThrownBy(() -> CsvDataset.load(empty))
                .hasMessageContaining("line 2, column 2: the cell is empty");
    }

    @Test
    void unclosedQuoteIsReported() throws IOException {
        Path file = write("q.csv", "\"x,y\n1,2\n");

        assertThatThrownBy(() -> CsvDataset.load(file))
                .hasMessageContaining("line 1, column 1: a quoted cell is not closed");
    }

    @Test
    void invalidUtf8IsReported() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, new byte[] {'x', (byte) 0xE9, ',', 'y', '\n', '1', ',', '2', '\n'});

        assertThatThrownBy(() -> CsvDataset.load(file))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("not UTF-8");
    }
}
