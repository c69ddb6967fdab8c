package kgan.images;

import static kgan.train.OptionChecks.requireNonNegative;
import static kgan.train.OptionChecks.requirePositive;
import static kgan.train.OptionChecks.requireUnitInterval;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

import kgan.data.FashionMnist;
import kgan.game.GanLoss;
import kgan.train.InvalidInputException;
import picocli.CommandLine.Option;

/**
 * Every setting of an image run (the kernel-guided GAN on Fashion-MNIST with kernels and
 * witness points in an autoencoder's latent space), declared once with its meaning; written
 * to the run's config.json.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public final class ImageConfig {

    // ----- data ---------------------------------------------------------------------------

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Folder of the four "
            + "Fashion-MNIST IDX files (plain or .gz). Default: ${DEFAULT-VALUE}.")
    String dataDir = FashionMnist.DEFAULT_FOLDER;

    @Option(names = "--train-images", description = "How many training images to use "
            + "(the first ones). Default: ${DEFAULT-VALUE}.")
    int trainImages = 60000;

    @Option(names = "--test-images", description = "How many held-out test images the "
            + "metrics compare with. Default: ${DEFAULT-VALUE}.")
    int testImages = 10000;

    // ----- the autoencoder ------------------------------------------------------------------

    @Option(names = "--autoencoder", paramLabel = "FILE", description = "The autoencoder "
            + "file: reused when it was trained with the same settings, trained and saved "
            + "otherwise. Default: autoencoder.bin in --out.")
    String autoencoder;

    @Option(names = "--ae-latent", description = "m, the autoencoder's latent dimension, "
            + "where kernels and witness points live. Default: ${DEFAULT-VALUE}.")
    int aeLatent = 16;

    @Option(names = "--ae-hidden", split = ",", description = "Hidden widths of the encoder "
            + "(the decoder mirrors them). Default: ${DEFAULT-VALUE}.")
    List<Integer> aeHidden = List.of(256);

    @Option(names = "--ae-steps", description = "Adam steps of autoencoder training. "
            + "Default: ${DEFAULT-VALUE}.")
    int aeSteps = 3000;

    @Option(names = "--ae-batch-size", description = "Images per autoencoder step. "
            + "Default: ${DEFAULT-VALUE}.")
    int aeBatchSize = 128;

    @Option(names = "--ae-lr", description = "Adam learning rate of the autoencoder. "
            + "Default: ${DEFAULT-VALUE}.")
    double aeLr = 1e-3;

    // ----- the game -------------------------------------------------------------------------

    @Option(names = "--steps", description = "Training iterations of the game. "
            + "Default: ${DEFAULT-VALUE}.")
    int steps = 3000;

    @Option(names = "--batch-size", description = "Images per batch, data and generated. "
            + "Default: ${DEFAULT-VALUE}.")
    int batchSize = 64;

    @Option(names = "--noise-dim", description = "Dimension of the generator's Gaussian "
            + "input. Default: ${DEFAULT-VALUE}.")
    int noiseDim = 32;

    @Option(names = "--generator-hidden", split = ",", description = "Hidden widths of the "
            + "generator (leaky ReLU; sigmoid output). Default: ${DEFAULT-VALUE}.")
    List<Integer> generatorHidden = List.of(256);

    @Option(names = "--discriminator-hidden", split = ",", description = "Hidden widths of "
            + "the discriminator (leaky ReLU). Default: ${DEFAULT-VALUE}.")
    List<Integer> discriminatorHidden = List.of(128);

    @Option(names = "--loss", description = "Adversarial loss. Default: ${DEFAULT-VALUE}.")
    GanLoss loss = GanLoss.NON_SATURATING;

    @Option(names = "--lambda-global", description = "λ_g, weight of latent MMD² in the "
            + "generator's loss. Default: ${DEFAULT-VALUE}.")
    double lambdaGlobal = 1.0;

    @Option(names = "--lambda-local", description = "λ_l, weight of the latent local "
            + "discrepancy Λ. Default: ${DEFAULT-VALUE}.")
    double lambdaLocal = 1.0;

    @Option(names = "--witnesses", description = "Learned witness points in the latent "
            + "space, started at encoded training images, witness j at one of class j mod 10. "
            + "Default: ${DEFAULT-VALUE}.")
    int witnesses = 10;

    @Option(names = "--bandwidth", description = "σ of the latent Gaussian kernel; 0 for the "
            + "median heuristic on encoded training images. Default: ${DEFAULT-VALUE}.")
    double bandwidth = 0;

    @Option(names = "--lr", description = "Adam learning rate of generator and "
            + "discriminator. Default: ${DEFAULT-VALUE}.")
    double lr = 1e-3;

    @Option(names = "--lr-witnesses", description = "Adam learning rate of the witness "
            + "points (latent units). Default: ${DEFAULT-VALUE}.")
    double lrWitnesses = 1e-3;

    @Option(names = "--beta-one", description = "Adam β₁ of every player. "
            + "Default: ${DEFAULT-VALUE}.")
    double betaOne = 0.5;

    // ----- evaluation -----------------------------------------------------------------------

    @Option(names = "--eval-every", description = "Steps between evaluations (metrics row, "
            + "image grids). Default: ${DEFAULT-VALUE}.")
    int evalEvery = 500;

    @Option(names = "--eval-samples", description = "Generated images per evaluation. "
            + "Default: ${DEFAULT-VALUE}.")
    int evalSamples = 2000;

    @Option(names = "--seed", description = "Seed of everything random. "
            + "Default: ${DEFAULT-VALUE}.")
    long seed = 0;

    /**
     * Checks every setting.
     *
     * @throws InvalidInputException naming the first option out of range
     */
    public void validate() {
        requirePositive("--train-images", trainImages);
        requirePositive("--test-images", testImages);
        requirePositive("--ae-latent", aeLatent);
        requirePositive("--ae-steps", aeSteps);
        requirePositive("--ae-batch-size", aeBatchSize);
        requirePositive("--steps", steps);
        requirePositive("--noise-dim", noiseDim);
        requirePositive("--eval-every", evalEvery);
        requirePositive("--witnesses", witnesses);
        if (batchSize < 2) {
            throw new InvalidInputException("--batch-size is " + batchSize
                    + "; expected at least 2 (MMD² compares pairs)");
        }
        if (evalSamples < 2) {
            throw new InvalidInputException("--eval-samples is " + evalSamples
                    + "; expected at least 2");
        }
        for (List<Integer> widths : List.of(aeHidden, generatorHidden, discriminatorHidden)) {
            for (int w : widths) {
                requirePositive("a hidden width", w);
            }
        }
        requireNonNegative("--lambda-global", lambdaGlobal);
        requireNonNegative("--lambda-local", lambdaLocal);
        requireNonNegative("--bandwidth", bandwidth);
        requirePositive("--ae-lr", aeLr);
        requirePositive("--lr", lr);
        requirePositive("--lr-witnesses", lrWitnesses);
        requireUnitInterval("--beta-one", betaOne);
    }

    /** The autoencoder file: --autoencoder, or autoencoder.bin in the run folder. */
    Path autoencoderFile(Path out) {
        return autoencoder != null ? Path.of(autoencoder) : out.resolve("autoencoder.bin");
    }

    /** What decides whether a saved autoencoder can be reused: data and training settings. */
    String autoencoderDescription() {
        return "fashion-mnist train images " + trainImages + " from " + dataDir
                + "; widths 784," + aeHidden
                + "," + aeLatent + "; steps " + aeSteps + "; batch " + aeBatchSize + "; lr "
                + aeLr + "; seed " + seed;
    }
}
