package kgan.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kgan.autodiff.Tensor;
import kgan.data.DataException;
import kgan.linalg.Rng;

class AutoencoderTest {

    @TempDir
    Path tmp;

    /** Images that are one of four fixed random patterns: easy to reconstruct. */
    private static DMatrixRMaj patterns(Rng rng, int n) {
        DMatrixRMaj bases = new Rng(99).gaussian(4, 16);
        DMatrixRMaj x = new DMatrixRMaj(n, 16);
        for (int i = 0; i < n; i++) {
            int k = rng.nextInt(4);
            for (int j = 0; j < 16; j++) {
                x.set(i, j, bases.get(k, j) > 0 ? 0.9 : 0.1);
            }
        }
        return x;
    }

    /**
     * The cross-entropy of a pixel of value x is at least its entropy h(x), reached when
     * σ(l) = x; for x ∈ {0.1, 0.9}, h = 0.325. At initialisation the logits are random and
     * the loss is well above (ln 2 = 0.693 for l = 0 alone); 300 Adam steps on four
     * patterns must bring it within 0.05 of the floor.
     */
    @Test
    void trainingApproachesTheEntropyFloor() {
        Rng rng = new Rng(1);
        Autoencoder ae = Autoencoder.create(16, List.of(32), 2, new Rng(2));
        double before = ae.reconstructionLoss(Tensor.constant(patterns(new Rng(3), 200)))
                .item();

        Autoencoder trained = ae.train(() -> patterns(rng, 32), 300, 1e-2, "test",
                (t, loss) -> { });

        double after = trained.reconstructionLoss(Tensor.constant(patterns(new Rng(3), 200)))
                .item();
        double floor = -(0.9 * Math.log(0.9) + 0.1 * Math.log(0.1));
        assertThat(before).isGreaterThan(floor + 0.2);
        assertThat(after).isBetween(floor, floor + 0.05);
    }

    @Test
    void savedAndLoadedAutoencoderCodesAndDecodesIdentically() {
        Autoencoder ae = Autoencoder.create(16, List.of(8, 4), 3, new Rng(4))
                .train(() -> patterns(new Rng(5), 8), 3, 1e-3, "three steps", (t, l) -> { });
        Path file = tmp.resolve("ae.bin");
        ae.save(file);

        Autoencoder loaded = Autoencoder.load(file);

        DMatrixRMaj x = patterns(new Rng(6), 5);
        assertThat(loaded.description()).isEqualTo("three steps");
        assertThat(loaded.latentDim()).isEqualTo(3);
        assertThat(loaded.encode(x).data).isEqualTo(ae.encode(x).data);
        assertThat(loaded.decode(ae.encode(x)).data).isEqualTo(ae.decode(ae.encode(x)).data);
    }

    @Test
    void damagedOrForeignFilesAreRefused() throws IOException {
        Path file = tmp.resolve("ae.bin");
        Autoencoder.create(16, List.of(8), 2, new Rng(7)).save(file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Path damaged = Files.write(tmp.resolve("damaged.bin"), bytes);
        Path foreign = Files.writeString(tmp.resolve("notes.txt"), "hello, world");

        assertThatThrownBy(() -> Autoencoder.load(damaged)).isInstanceOf(DataException.class)
                .hasMessageContaining("damaged.bin").hasMessageContaining("CRC-32");
        assertThatThrownBy(() -> Autoencoder.load(foreign)).isInstanceOf(DataException.class)
                .hasMessageContaining("notes.txt").hasMessageContaining("KGANAE");
        assertThatThrownBy(() -> Autoencoder.load(tmp.resolve("none.bin")))
                .hasMessageContaining("does not exist");
    }

    /** 3 images of 2×2 pixels at scale 2, 2 per row: 2 × (2·2 + 1) + 1 = 11 pixels wide. */
    @Test
    void gridTilesImagesPixelForPixel() throws IOException {
        DMatrixRMaj images = new DMatrixRMaj(new double[][] {
            {0, 1, 1, 0}, {1, 1, 1, 1}, {0, 0, 0, 0.5}});
        Path file = tmp.resolve("grid.png");

        ImageGrid.write(images, 2, 2, 2, 2, file);

        BufferedImage png = ImageIO.read(file.toFile());
        assertThat(png.getWidth()).isEqualTo(11);
        assertThat(png.getHeight()).isEqualTo(11);
        assertThat(png.getRGB(1, 1) & 0xffffff).isEqualTo(0x000000);
        assertThat(png.getRGB(3, 1) & 0xffffff).isEqualTo(0xffffff);
        assertThat(png.getRGB(0, 0) & 0xffffff).isEqualTo(0x808080);
        // Image 3, pixel (1, 1): grey round(0.5 · 255) = 128.
        assertThat(png.getRGB(1 + 2 + 1, 6 + 2 + 1) & 0xff).isEqualTo(128);
    }
}
