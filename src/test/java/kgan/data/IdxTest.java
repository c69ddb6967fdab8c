package kgan.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kgan.linalg.Rng;

/** The IDX reader on small files written here: plain, gzip, and broken in each known way. */
class IdxTest {

    @TempDir
    Path tmp;

    /** Three 2×3 images whose pixel k of image i is 40 i + k, and 255 in the last pixel. */
    private static byte[] imageFile() {
        ByteBuffer b = ByteBuffer.allocate(16 + 18);
        b.putInt(Idx.IMAGES_MAGIC).putInt(3).putInt(2).putInt(3);
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 6; k++) {
                b.put((byte) (i == 2 && k == 5 ? 255 : 40 * i + k));
            }
        }
        return b.array();
    }

    private static byte[] labelFile(int... labels) {
        ByteBuffer b = ByteBuffer.allocate(8 + labels.length);
        b.putInt(Idx.LABELS_MAGIC).putInt(labels.length);
        for (int label : labels) {
            b.put((byte) label);
        }
        return b.array();
    }

    private Path write(String name, byte[] content) throws IOException {
        Path file = tmp.resolve(name);
        Files.write(file, content);
        return file;
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        }
        return bytes.toByteArray();
    }

    @Test
    void readsPlainImagesScaledToTheUnitInterval() throws IOException {
        Idx.Images images = Idx.readImages(write("img", imageFile()), Integer.MAX_VALUE);

        assertThat(images.count()).isEqualTo(3);
        assertThat(images.rows()).isEqualTo(2);
        assertThat(images.columns()).isEqualTo(3);
        DMatrixRMaj m = images.matrix(0, 3);
        assertThat(m.numRows).isEqualTo(3);
        assertThat(m.numCols).isEqualTo(6);
        // k/255 is the correctly rounded quotient on both sides: exact equality.
        assertThat(m.get(1, 4)).isEqualTo(44 / 255.0);
        assertThat(m.get(2, 5)).isEqualTo(1.0);
        assertThat(m.get(0, 0)).isEqualTo(0.0);
    }

    @Test
    void gzipAndPlainGiveTheSameBytesWhateverTheName() throws IOException {
        Idx.Images plain = Idx.readImages(write("a", imageFile()), Integer.MAX_VALUE);
        Idx.Images packed = Idx.readImages(write("b-without-gz-suffix", gzip(imageFile())),
                Integer.MAX_VALUE);
        int[] labels = Idx.readLabels(write("l.gz", gzip(labelFile(7, 0, 9))), 10);

        assertThat(packed.pixels()).isEqualTo(plain.pixels());
        assertThat(labels).containsExactly(7, 0, 9);
    }

    @Test
    void aLimitKeepsTheFirstImages() throws IOException {
        Idx.Images two = Idx.readImages(write("img", imageFile()), 2);

        assertThat(two.count()).isEqualTo(2);
        assertThat(two.pixels()).isEqualTo(Arrays.copyOfRange(imageFile(), 16, 28));
    }

    @Test
    void truncatedData() throws IOException {
        byte[] full = imageFile();
        Path file = write("short-images", Arrays.copyOf(full, full.length - 4));

        assertThatThrownBy(() -> Idx.readImages(file, Integer.MAX_VALUE))
                .isInstanceOf(DataException.class).hasMessageContaining("short-images")
                .hasMessageContaining("truncated")
                .hasMessageContaining("3 images of 2×3 pixels").hasMessageContaining("14 bytes");
    }

    @Test
    void truncatedGzipData() throws IOException {
        byte[] packed = gzip(imageFile());
        Path file = write("cut.gz", Arrays.copyOf(packed, packed.length / 2));

        assertThatThrownBy(() -> Idx.readImages(file, Integer.MAX_VALUE))
                .isInstanceOf(DataException.class).hasMessageContaining("cut.gz");
    }

    @Test
    void truncatedHeader() throws IOException {
        Path file = write("stub", Arrays.copyOf(imageFile(), 10));

        assertThatThrownBy(() -> Idx.readImages(file, Integer.MAX_VALUE))
                .isInstanceOf(DataException.class).hasMessageContaining("stub")
                .hasMessageContaining("header ends after 1 of its 3 sizes");
    }

    @Test
    void wrongMagicNamesBothNumbers() throws IOException {
        Path labels = write("labels", labelFile(1, 2));

        assertThatThrownBy(() -> Idx.readImages(labels, Integer.MAX_VALUE))
                .isInstanceOf(DataException.class).hasMessageContaining("labels")
                .hasMessageContaining("0x00000801").hasMessageContaining("expected 0x00000803");
        assertThatThrownBy(() -> Idx.readLabels(write("pic", imageFile()), 5))
                .hasMessageContaining("pic").hasMessageContaining("expected 0x00000801");
    }

    @Test
    void moreBytesThanTheHeaderSays() throws IOException {
        byte[] full = imageFile();
        Path file = write("long", Arrays.copyOf(full, full.length + 5));

        assertThatThrownBy(() -> Idx.readImages(file, Integer.MAX_VALUE))
                .isInstanceOf(DataException.class).hasMessageContaining("long")
                .hasMessageContaining("5 bytes more than its header says")
                .hasMessageContaining("18 bytes");
    }

    @Test
    void missingFile() {
        assertThatThrownBy(() -> Idx.readLabels(tmp.resolve("nothing"), 5))
                .isInstanceOf(DataException.class).hasMessageContaining("nothing")
                .hasMessageContaining("does not exist");
    }

    @Test
    void fashionMnistFromAFolderOfSmallFiles() throws IOException {
        write("t10k-images-idx3-ubyte.gz", gzip(imageFile()));
        write("t10k-labels-idx1-ubyte", labelFile(3, 1, 4));

        FashionMnist data = FashionMnist.load(tmp, FashionMnist.Split.TEST, 100);

        assertThat(data.size()).isEqualTo(3);
        assertThat(data.dimension()).isEqualTo(6);
        assertThat(data.labels()).containsExactly(3, 1, 4);
        assertThat(data.sample(4, new Rng(1)).numRows).isEqualTo(4);
    }

    @Test
    void fashionMnistCountsMustAgree() throws IOException {
        write("t10k-images-idx3-ubyte", imageFile());
        write("t10k-labels-idx1-ubyte", labelFile(3, 1));

        assertThatThrownBy(() -> FashionMnist.load(tmp, FashionMnist.Split.TEST, 100))
                .hasMessageContaining("3 images").hasMessageContaining("2 labels");
    }

    @Test
    void missingFashionMnistSaysHowToInstallIt() {
        assertThatThrownBy(() -> FashionMnist.load(tmp, FashionMnist.Split.TRAIN, 100))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("train-images-idx3-ubyte")
                .hasMessageContaining("apt-get install dataset-fashion-mnist")
                .hasMessageContaining("--data-dir");
    }
}
