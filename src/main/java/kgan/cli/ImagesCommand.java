package kgan.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import kgan.images.ImageConfig;
import kgan.images.ImageRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kgan images}: the kernel-guided GAN on Fashion-MNIST, kernels in a latent space. */
@Command(name = "images", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train the kernel-guided GAN on Fashion-MNIST with kernels and witness "
                + "points in the latent space of an autoencoder (trained first, or reused). "
                + "Writes image grids of samples and decoded witness points, metrics.csv "
                + "and summary.json, and prints the run folder.")
final class ImagesCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The run "
            + "folder (absent or empty unless --overwrite).")
    Path out;

    @Option(names = "--overwrite", description = "Replace the outputs of an earlier run in "
            + "--out.")
    boolean overwrite;

    @Mixin
    ImageConfig config = new ImageConfig();

    @Override
    public Integer call() {
        Map<String, Object> summary = ImageRun.run(config, out, overwrite);
        @SuppressWarnings("unchecked")
        Map<String, Double> last = (Map<String, Double>) summary.get("finalMetrics");
        System.out.printf(java.util.Locale.ROOT, "latent MMD² to test images %.5g (train vs "
                + "test: %.5g); class KL from uniform %.4f; classes covered %.0f of 10%n",
                last.get("latent_mmd2_test"), (Double) summary.get("latentMmd2TrainVsTest"),
                last.get("class_kl_uniform"), last.get("classes_covered"));
        System.out.println(out);
        return 0;
    }
}
