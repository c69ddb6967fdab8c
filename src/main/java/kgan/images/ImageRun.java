package kgan.images;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.ejml.data.DMatrixRMaj;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import kgan.autodiff.Autodiff;
import kgan.autodiff.Tensor;
import kgan.data.FashionMnist;
import kgan.dynamics.SimultaneousStep;
import kgan.game.Batch;
import kgan.game.GameSpec;
import kgan.game.KernelGuidedGame;
import kgan.game.Objectives;
import kgan.game.Player;
import kgan.game.Witnesses;
import kgan.kernel.Discrepancy;
import kgan.kernel.GaussianKernel;
import kgan.linalg.Dense;
import kgan.linalg.Rng;
import kgan.metrics.ModeMetrics;
import kgan.metrics.NearestCentroid;
import kgan.nn.Activation;
import kgan.nn.Init;
import kgan.nn.Mlp;
import kgan.optim.Adam;
import kgan.optim.Optimizer;
import kgan.plot.Progress;
import kgan.stats.Bandwidths;
import kgan.data.AtomicFiles;
import kgan.train.InvalidInputException;
import kgan.train.OptionChecks;
import kgan.train.RunFolder;
import kgan.train.Trainer;

/**
 * The kernel-guided GAN on Fashion-MNIST: the generator and discriminator work on images,
 * while MMD², the witness function and the local discrepancy compare the images' codes under
 * a frozen autoencoder's encoder. Witness points are latent codes; they are shown as the
 * images the decoder makes of them.
 *
 * <p>The run writes to its folder: config.json, metrics.csv (one row per evaluation),
 * summary.json, and in plots/ the grids data.png, reconstructions.png and, at every
 * evaluation, samples-step-N.png and witnesses-step-N.png.
 *
 * <p>Metrics: the biased MMD² in latent space between generated and held-out test images
 * (with the training kernel), the same between training and test images as its floor, and
 * the class coverage: a nearest-centroid classifier fitted on the encoded training images
 * and their labels names the class of each generated image; the histogram of those classes,
 * its KL divergence from uniform and the number of classes with at least 1% of the images.
 */
public final class ImageRun {

    static final int CLASSES = FashionMnist.CLASSES.size();

    /** A class counts as covered with at least this share of the generated images. */
    static final double COVERED_SHARE = 0.01;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);

    private ImageRun() {
    }

    /** Runs the configured job into {@code out}; returns the summary written there. */
    public static Map<String, Object> run(ImageConfig config, Path out, boolean overwrite) {
        config.validate();
        Path data = Path.of(config.dataDir);
        FashionMnist train = FashionMnist.load(data, FashionMnist.Split.TRAIN,
                config.trainImages);
        FashionMnist test = FashionMnist.load(data, FashionMnist.Split.TEST,
                config.testImages);
        if (train.dimension() != test.dimension()) {
            throw new InvalidInputException("--data-dir " + data + ": training images have "
                    + train.dimension() + " pixels, test images " + test.dimension());
        }
        RunFolder.prepare(out, overwrite);
        AtomicFiles.writeString(out.resolve(RunFolder.CONFIG), json(config));
        Path plots = out.resolve(RunFolder.PLOTS);
        int rows = train.images().rows();
        int columns = train.images().columns();
        long started = System.nanoTime();

        Rng rng = new Rng(config.seed);
        Autoencoder autoencoder = autoencoder(config, out, train, new Rng(rng.nextLong()));
        ImageGrid.write(train.points(0, 64), rows, columns, 8, 2, plots.resolve("data.png"));
        ImageGrid.write(autoencoder.decode(autoencoder.encode(train.points(0, 64))), rows,
                columns, 8, 2, plots.resolve("reconstructions.png"));

        // Latent codes of every training and test image, once: the metrics' references.
        DMatrixRMaj trainCodes = encodeAll(autoencoder, train);
        DMatrixRMaj testCodes = encodeAll(autoencoder, test);
        NearestCentroid classifier = NearestCentroid.fit(trainCodes, train.labels(),
                CLASSES);
        double sigma = config.bandwidth > 0 ? config.bandwidth
                : Bandwidths.median(Dense.rows(trainCodes, 0, Math.min(1000,
                        trainCodes.numRows)));
        GaussianKernel kernel = new GaussianKernel(sigma);
        int referenceSize = Math.min(config.evalSamples, Math.min(train.size(), test.size()));
        double mmd2Floor = Discrepancy.mmd2Biased(kernel, Dense.rows(trainCodes, 0,
                referenceSize), Dense.rows(testCodes, 0, referenceSize));

        KernelGuidedGame game = game(config, train, trainCodes, kernel, autoencoder, rng);
        Map<Player, Optimizer> optimizers = new EnumMap<>(Player.class);
        optimizers.put(Player.DISCRIMINATOR, new Adam(config.lr, config.betaOne, 0.999, 1e-8));
        optimizers.put(Player.GENERATOR, new Adam(config.lr, config.betaOne, 0.999, 1e-8));
        optimizers.put(Player.WITNESSES, new Adam(config.lrWitnesses, config.betaOne, 0.999,
                1e-8));
        SimultaneousStep integrator = new SimultaneousStep(optimizers, 1);
        Supplier<Batch> batches = () -> new Batch(
                Tensor.constant(train.sample(config.batchSize, rng)),
                Tensor.constant(rng.gaussian(config.batchSize, config.noiseDim)));
        Rng evalDraws = new Rng(config.seed + 1);
        DMatrixRMaj gridNoise = evalDraws.gaussian(64, config.noiseDim);

        List<String> columnsOut = new ArrayList<>(List.of("step", "discriminator",
                "adversarial", "mmd2_batch", "local_batch", "latent_mmd2_test",
                "class_kl_uniform", "classes_covered"));
        for (int k = 0; k < CLASSES; k++) {
            columnsOut.add("class_" + k);
        }
        List<String> metricRows = new ArrayList<>();
        Map<String, Double> last = new LinkedHashMap<>();
        try (Progress progress = Progress.start("images", config.steps)) {
            for (int step = 1; step <= config.steps; step++) {
                Objectives objectives = integrator.step(game, batches);
                if (objectives.firstNonFinite() != null) {
                    throw new Trainer.DivergedException(step, objectives.firstNonFinite(), -1);
                }
                progress.stepTo(step);
                if (step % config.evalEvery == 0 || step == config.steps) {
                    last = evaluate(config, game, autoencoder, kernel, testCodes, classifier,
                            objectives, evalDraws, referenceSize);
                    metricRows.add(row(step, last));
                    AtomicFiles.writeString(out.resolve(RunFolder.METRICS),
                            String.join(",", columnsOut) + "\n"
                                    + String.join("", metricRows));
                    String tag = String.format(Locale.ROOT, "step-%06d.png", step);
                    DMatrixRMaj samples = generate(game, gridNoise);
                    ImageGrid.write(samples, rows, columns, 8, 2,
                            plots.resolve("samples-" + tag));
                    ImageGrid.write(autoencoder.decode(game.witnesses().points().value()),
                            rows, columns, Math.min(CLASSES, config.witnesses), 3,
                            plots.resolve("witnesses-" + tag));
                    progress.setExtraMessage(String.format(Locale.ROOT,
                            "latent MMD² %.4g, class KL %.3f",
                            last.get("latent_mmd2_test"), last.get("class_kl_uniform")));
                }
            }
        }

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("folder", out.toString());
        summary.put("steps", config.steps);
        summary.put("wallSeconds", (System.nanoTime() - started) / 1e9);
        summary.put("autoencoder", config.autoencoderFile(out).toString());
        summary.put("latentBandwidth", sigma);
        summary.put("latentMmd2TrainVsTest", mmd2Floor);
        summary.put("finalMetrics", last);
        AtomicFiles.writeString(out.resolve(RunFolder.SUMMARY), json(summary));
        return summary;
    }

    /** The saved autoencoder when it was trained with these settings; else train and save. */
    static Autoencoder autoencoder(ImageConfig config, Path out, FashionMnist train,
            Rng rng) {
        Path file = config.autoencoderFile(out);
        String description = config.autoencoderDescription();
        if (Files.exists(file)) {
            Autoencoder saved = Autoencoder.load(file);
            if (saved.description().equals(description)) {
                System.err.println("kgan: reusing the autoencoder " + file);
                return saved;
            }
            System.err.println("kgan: " + file + " was trained otherwise ("
                    + saved.description() + "); retraining");
        }
        // Before training, which takes minutes, rather than when the result is saved.
        OptionChecks.requireOutputFile("--autoencoder", file);
        Autoencoder fresh = Autoencoder.create(train.dimension(), config.aeHidden,
                config.aeLatent, rng);
        Autoencoder trained;
        try (Progress progress = Progress.start("autoencoder", config.aeSteps)) {
            double[] smoothed = {Double.NaN};
            trained = fresh.train(() -> train.sample(config.aeBatchSize, rng), config.aeSteps,
                    config.aeLr, description, (step, loss) -> {
                        smoothed[0] = Double.isNaN(smoothed[0]) ? loss
                                : 0.98 * smoothed[0] + 0.02 * loss;
                        progress.stepTo(step);
                        if (step % 100 == 0) {
                            progress.setExtraMessage(String.format(Locale.ROOT,
                                    "cross-entropy %.4f", smoothed[0]));
                        }
                    });
        }
        trained.save(file);
        return trained;
    }

    private static KernelGuidedGame game(ImageConfig config, FashionMnist train,
            DMatrixRMaj trainCodes, GaussianKernel kernel, Autoencoder autoencoder, Rng rng) {
        int d = train.dimension();
        Mlp generator = new Mlp(widths(config.noiseDim, config.generatorHidden, d),
                Activation.LEAKY_RELU, Activation.SIGMOID, new Init.HeNormal(), rng);
        Mlp discriminator = new Mlp(widths(d, config.discriminatorHidden, 1),
                Activation.LEAKY_RELU, Activation.IDENTITY, new Init.HeNormal(), rng);
        int[] start = witnessStarts(config.witnesses, train.labels(), rng);
        DMatrixRMaj initial = new DMatrixRMaj(config.witnesses, trainCodes.numCols);
        for (int j = 0; j < start.length; j++) {
            for (int k = 0; k < trainCodes.numCols; k++) {
                initial.set(j, k, trainCodes.get(start[j], k));
            }
        }
        Witnesses witnesses = new Witnesses(Dense.zeros(0, trainCodes.numCols), initial, null);
        GameSpec spec = GameSpec.guided(config.loss, kernel, config.lambdaGlobal,
                config.lambdaLocal);
        return new KernelGuidedGame(spec, discriminator, generator, witnesses,
                autoencoder.encoder());
    }

    /**
     * Indices of the training images whose codes start the witness points: witness j starts at
     * an image of class j mod 10, drawn uniformly among that class's images, so the decoded
     * witnesses begin as one item of each class and show where the model differs per class.
     * A class without images (a small --train-images) gives way to any image.
     */
    static int[] witnessStarts(int count, int[] labels, Rng rng) {
        List<List<Integer>> byClass = new ArrayList<>();
        for (int k = 0; k < CLASSES; k++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            byClass.get(labels[i]).add(i);
        }

        int[] start = new int[count];
        for (int j = 0; j < count; j++) {
            List<Integer> members = byClass.get(j % CLASSES);
            start[j] = members.isEmpty() ? rng.nextInt(labels.length)
                    : members.get(rng.nextInt(members.size()));
        }
        return start;
    }

    private static Map<String, Double> evaluate(ImageConfig config, KernelGuidedGame game,
            Autoencoder autoencoder, GaussianKernel kernel, DMatrixRMaj testCodes,
            NearestCentroid classifier, Objectives objectives, Rng draws, int referenceSize) {
        DMatrixRMaj generated = generate(game, draws.gaussian(config.evalSamples,
                config.noiseDim));
        DMatrixRMaj codes = autoencoder.encode(generated);
        int[] predicted = classifier.predict(codes);
        double[] classes = NearestCentroid.histogram(predicted, CLASSES);
        int covered = 0;
        for (double p : classes) {
            covered += p >= COVERED_SHARE ? 1 : 0;
        }

        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("discriminator", objectives.discriminator());
        metrics.put("adversarial", objectives.adversarial());
        metrics.put("mmd2_batch", objectives.mmd2());
        metrics.put("local_batch", objectives.local());
        metrics.put("latent_mmd2_test", Discrepancy.mmd2Biased(kernel, codes,
                Dense.rows(testCodes, 0, Math.min(testCodes.numRows, referenceSize))));
        metrics.put("class_kl_uniform", ModeMetrics.klFromUniform(
                NearestCentroid.counts(predicted, CLASSES)));
        metrics.put("classes_covered", (double) covered);
        for (int k = 0; k < CLASSES; k++) {
            metrics.put("class_" + k, classes[k]);
        }
        return metrics;
    }

    private static DMatrixRMaj generate(KernelGuidedGame game, DMatrixRMaj noise) {
        return Autodiff.noGrad(() -> game.generator().forward(Tensor.constant(noise))).value();
    }

    /** Codes of all images of a data set, encoded in blocks to bound the memory. */
    private static DMatrixRMaj encodeAll(Autoencoder autoencoder, FashionMnist data) {
        int m = autoencoder.latentDim();
        DMatrixRMaj codes = new DMatrixRMaj(data.size(), m);
        for (int from = 0; from < data.size(); from += 1000) {
            int to = Math.min(data.size(), from + 1000);
            DMatrixRMaj block = autoencoder.encode(data.points(from, to));
            System.arraycopy(block.data, 0, codes.data, from * m, (to - from) * m);
        }
        return codes;
    }

    private static String row(int step, Map<String, Double> metrics) {
        StringBuilder line = new StringBuilder().append(step);
        for (double v : metrics.values()) {
            line.append(',').append(v);
        }
        return line.append('\n').toString();
    }

    private static List<Integer> widths(int in, List<Integer> hidden, int out) {
        List<Integer> widths = new ArrayList<>();
        widths.add(in);
        widths.addAll(hidden);
        widths.add(out);
        return widths;
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass(), e);
        }
    }
}
