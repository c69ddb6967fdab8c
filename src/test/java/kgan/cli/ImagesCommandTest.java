package kgan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import kgan.data.Idx;
import kgan.linalg.Rng;

/**
 * The images command end to end on a tiny stand-in for Fashion-MNIST written here (28×28
 * images of ten classes, each a bright square at its own place), so the test needs no
 * installed data.
 */
class ImagesCommandTest {

    @TempDir
    Path tmp;

    private static final List<String> TINY = List.of("--train-images", "200",
            "--test-images", "100", "--ae-steps", "20", "--ae-hidden", "16", "--ae-latent", "4",
            "--steps", "6", "--batch-size", "16", "--noise-dim", "4", "--generator-hidden",
            "16", "--discriminator-hidden", "16", "--witnesses", "3", "--eval-every", "3",
            "--eval-samples", "50");

    private void writeFakeFashionMnist(Path dir, String prefix, int n, long seed)
            throws IOException {
        Rng rng = new Rng(seed);
        ByteBuffer images = ByteBuffer.allocate(16 + n * 784);
        images.putInt(Idx.IMAGES_MAGIC).putInt(n).putInt(28).putInt(28);
        ByteBuffer labels = ByteBuffer.allocate(8 + n);
        labels.putInt(Idx.LABELS_MAGIC).putInt(n);
        for (int i = 0; i < n; i++) {
            int k = i % 10;
            labels.put((byte) k);
            for (int r = 0; r < 28; r++) {
                for (int c = 0; c < 28; c++) {
                    boolean on = r / 7 == k / 4 + (k % 4 == 3 ? 1 : 0) && c / 7 == k % 4;
                    images.put((byte) (on ? 200 + rng.nextInt(56) : rng.nextInt(20)));
                }
            }
        }
        Files.write(dir.resolve(prefix + "-images-idx3-ubyte.gz"), gzip(images.array()));
        Files.write(dir.resolve(prefix + "-labels-idx1-ubyte"), labels.array());
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        }
        return bytes.toByteArray();
    }

    @Test
    void writesGridsMetricsAndSummaryAndReusesTheAutoencoder() throws IOException {
        Path data = Files.createDirectory(tmp.resolve("data"));
        writeFakeFashionMnist(data, "train", 200, 1);
        writeFakeFashionMnist(data, "t10k", 100, 2);
        Path ae = tmp.resolve("ae.bin");
        List<String> args = CliRunner.with(List.of("images"), TINY.toArray(String[]::new));
        args = CliRunner.with(args, "--data-dir", data.toString(), "--autoencoder",
                ae.toString());

        var first = CliRunner.run(CliRunner.with(args, "--out", tmp.resolve("a").toString()));
        assertThat(first.status()).as(first.err()).isZero();
        long saved = Files.getLastModifiedTime(ae).toMillis();
        var second = CliRunner.run(CliRunner.with(args, "--out", tmp.resolve("b").toString()));

        assertThat(second.status()).as(second.err()).isZero();
        assertThat(second.err()).contains("reusing the autoencoder");
        assertThat(Files.getLastModifiedTime(ae).toMillis()).isEqualTo(saved);
        Path run = tmp.resolve("b");
        assertThat(second.out()).contains(run.toString());
        for (String name : List.of("data.png", "reconstructions.png",
                "samples-step-000003.png", "witnesses-step-000006.png")) {
            assertThat(run.resolve("plots").resolve(name)).isRegularFile();
        }
        List<String> metrics = Files.readAllLines(run.resolve("metrics.csv"));
        assertThat(metrics).hasSize(3);
        assertThat(metrics.get(0)).contains("latent_mmd2_test", "class_kl_uniform",
                "class_9");
        JsonNode summary = new ObjectMapper().readTree(run.resolve("summary.json").toFile());
        double kl = summary.get("finalMetrics").get("class_kl_uniform").asDouble();
        assertThat(kl).isBetween(0.0, Math.log(10) + 1e-12);
        // The same settings and seed give the same numbers, bit for bit.
        assertThat(metrics).isEqualTo(Files.readAllLines(tmp.resolve("a/metrics.csv")));
    }

    @Test
    void missingDataSaysHowToInstallIt() {
        var result = CliRunner.run("images", "--out", tmp.resolve("run").toString(),
                "--data-dir", tmp.resolve("nowhere").toString());

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.err()).contains("apt-get install dataset-fashion-mnist")
                .doesNotContain("\tat ");
        assertThat(tmp.resolve("run")).doesNotExist();
    }
}
