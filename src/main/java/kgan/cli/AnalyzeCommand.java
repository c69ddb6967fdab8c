package kgan.cli;

import static kgan.train.OptionChecks.createOutputFolder;
import static kgan.train.OptionChecks.requireNonNegative;
import static kgan.train.OptionChecks.requireOutputFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.ejml.data.DMatrixRMaj;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import kgan.autodiff.Tensor;
import kgan.dynamics.Arnoldi;
import kgan.dynamics.DiracGan;
import kgan.dynamics.RealisableGame;
import kgan.dynamics.Spectrum;
import kgan.dynamics.VectorField;
import kgan.game.Batch;
import kgan.game.GanLoss;
import kgan.linalg.Rng;
import kgan.plot.ScatterPlot;
import kgan.data.AtomicFiles;
import kgan.train.InvalidInputException;
import kgan.train.TrainConfig;
import kgan.train.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kgan analyze}: the Jacobian spectrum of the game's field at a state, with the
 * stability reading of proofs/ (spectral abscissa, zero modes, largest stable step).
 */
@Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Linearise the game's vector field and print its Jacobian spectrum, "
                + "spectral abscissa, zero-mode count and largest stable Euler step.",
                "TARGET is 'dirac' (the Dirac-GAN at its equilibrium), 'mlp-equilibrium' "
                        + "(a realisable MLP game at an exact equilibrium) or a run folder "
                        + "(its checkpoint, on a fixed seeded batch)."})
final class AnalyzeCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);

    @Parameters(index = "0", paramLabel = "TARGET", description = "dirac, mlp-equilibrium, "
            + "or a run folder written by train.")
    String target;

    @Option(names = "--loss", description = "Adversarial loss of the toy games: "
            + "${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    GanLoss loss = GanLoss.STANDARD;

    @Option(names = "--lambda-global", description = "λ_g of the toy games. "
            + "Default: ${DEFAULT-VALUE}.")
    double lambdaGlobal = 1.0;

    @Option(names = "--lambda-local", description = "λ_l of the toy games. "
            + "Default: ${DEFAULT-VALUE}.")
    double lambdaLocal = 0.5;

    @Option(names = "--bandwidth", description = "σ of the toy games' Gaussian kernel. "
            + "Default: ${DEFAULT-VALUE}.")
    double bandwidth = 1.0;

    @Option(names = "--witness", description = "The Dirac-GAN's witness point v. "
            + "Default: ${DEFAULT-VALUE}.")
    double witness = 1.0;

    @Option(names = "--parameters", description = "Approximate dim z of the MLP equilibrium "
            + "game. Default: ${DEFAULT-VALUE}.")
    int parameters = 1000;

    @Option(names = "--seed", description = "Seed of the MLP game's weights and latents, or "
            + "of a run folder's analysis batch. Default: ${DEFAULT-VALUE}.")
    long seed = 0;

    @Option(names = "--batch-size", description = "Batch of a run folder's analysis. "
            + "Default: the run's batch size.")
    Integer batchSize;

    @Option(names = "--arnoldi", paramLabel = "K", description = "Instead of the dense "
            + "Jacobian, the rightmost eigenvalues by Arnoldi on J v products with a Krylov "
            + "space of dimension K.")
    Integer arnoldi;

    @Option(names = "--max-dense", description = "Largest dim z analysed densely. "
            + "Default: ${DEFAULT-VALUE}.")
    int maxDense = 3000;

    @Option(names = "--out", paramLabel = "FOLDER", description = "Write spectrum.json, "
            + "spectrum.csv and spectrum.png here (atomically).")
    Path out;

    @Option(names = "--json", description = "Print machine-readable JSON on standard output.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        validate();
        VectorField field = field();
        int n = field.dimension();
        long started = System.nanoTime();
        ObjectNode report = JSON.createObjectNode();
        report.put("target", target);
        report.put("dimension", n);
        if (arnoldi != null) {
            Arnoldi.Result result = Arnoldi.rightmost(field.linearise(), arnoldi,
                    Math.min(6, arnoldi), 10, seed);
            report.put("method", "arnoldi");
            report.put("krylovDimension", result.krylovDimension());
            report.put("products", result.products());
            report.put("spectralAbscissa", result.spectralAbscissa());
            report.put("converged", result.unconverged() == 0);
            report.put("abscissaConverged", result.converged(0));
            String warning = convergenceWarning(result, n);
            if (warning != null) {
                report.put("warning", warning);
            }
            ArrayNode values = report.putArray("eigenvalues");
            for (int k = 0; k < result.real().length; k++) {
                values.addObject().put("re", result.real()[k]).put("im", result.imaginary()[k])
                        .put("residual", result.residual()[k])
                        .put("converged", result.converged(k));
            }
            report.put("seconds", (System.nanoTime() - started) / 1e9);
            finish(report, result.real(), result.imaginary(), new boolean[result.real().length]);
            if (warning != null) {
                System.err.println("kgan: warning: " + warning);
            }
            return 0;
        }
        if (n > maxDense) {
            throw new InvalidInputException(String.format(Locale.ROOT, "%s: dim z = %d; the "
                    + "dense Jacobian would take %.1f MB (and its decompositions several times "
                    + "that), above --max-dense %d; use --arnoldi K (e.g. --arnoldi 40) for "
                    + "the rightmost eigenvalues", target, n, 8.0 * n * n / 1e6, maxDense));
        }
        DMatrixRMaj jacobian = field.jacobian();
        Spectrum s = Spectrum.of(jacobian);
        report.put("method", "dense");
        report.put("norm", s.norm());
        report.put("zeroThreshold", s.zeroThreshold());
        report.put("zeroModes", s.zeroModes());
        report.put("spectralAbscissa", s.spectralAbscissa());
        putFinite(report, "offManifoldAbscissa", s.offManifoldAbscissa());
        putFinite(report, "largestStableStep", s.largestStableStep());
        putFinite(report, "smallestDamping", s.smallestDamping());
        ArrayNode values = report.putArray("eigenvalues");
        for (int k = 0; k < s.size(); k++) {
            values.addObject().put("re", s.real()[k]).put("im", s.imaginary()[k])
                    .put("manifold", s.onManifold()[k]);
        }
        report.put("seconds", (System.nanoTime() - started) / 1e9);
        finish(report, s.real(), s.imaginary(), s.onManifold());
        return 0;
    }

    /**
     * Null when every Ritz value has converged (see {@link Arnoldi.Result#converged}), else
     * one line that says so and what to try.
     */
    private String convergenceWarning(Arnoldi.Result result, int n) {
        int bad = result.unconverged();
        if (bad == 0) {
            return null;
        }
        double largest = 0;
        for (double r : result.residual()) {
            largest = Math.max(largest, Double.isNaN(r) ? Double.POSITIVE_INFINITY : r);
        }
        return String.format(Locale.ROOT, "the Arnoldi estimate has not converged: %d of %d "
                + "eigenvalues have a residual ‖J v − μ v‖ above max(%.0e·|μ|, n ε ‖J‖) "
                + "(largest %.2e)%s%s", bad, result.real().length, Arnoldi.Result.TOLERANCE,
                largest, result.converged(0) ? ", though the rightmost one has"
                        : String.format(Locale.ROOT, ", the rightmost among them, so the "
                                + "spectral abscissa %.6g may be off",
                                result.spectralAbscissa()),
                arnoldi < n ? "; try a larger --arnoldi, e.g. " + Math.min(2 * arnoldi, n)
                        : "");
    }

    private void validate() {
        requireNonNegative("--lambda-global", lambdaGlobal);
        requireNonNegative("--lambda-local", lambdaLocal);
        if (!(bandwidth > 0) || Double.isInfinite(bandwidth)) {
            throw new InvalidInputException("--bandwidth is " + bandwidth
                    + "; expected a finite number > 0");
        }
        if (!Double.isFinite(witness)) {
            throw new InvalidInputException("--witness is " + witness
                    + "; expected a finite number");
        }
        if (parameters < 10) {
            throw new InvalidInputException("--parameters is " + parameters
                    + "; expected at least 10");
        }
        if (arnoldi != null && arnoldi < 1) {
            throw new InvalidInputException("--arnoldi is " + arnoldi
                    + "; expected a Krylov dimension ≥ 1");
        }
        if (batchSize != null && batchSize < 1) {
            throw new InvalidInputException("--batch-size is " + batchSize
                    + "; expected a number ≥ 1");
        }
        if (maxDense < 1) {
            throw new InvalidInputException("--max-dense is " + maxDense
                    + "; expected a number ≥ 1");
        }
        if (out != null) {
            requireOutputFolder("--out", out);
        }
    }

    private VectorField field() {
        switch (target) {
            case "dirac":
                return DiracGan.field(loss, lambdaGlobal, lambdaLocal, bandwidth, witness);
            case "mlp-equilibrium":
                return RealisableGame.mlp(RealisableGame.Settings.ofSize(parameters, loss,
                        bandwidth, lambdaGlobal, lambdaLocal, seed));
            default:
                Path folder = Path.of(target);
                if (!Files.isDirectory(folder)) {
                    throw new InvalidInputException("TARGET " + target + " is neither 'dirac', "
                            + "'mlp-equilibrium' nor a run folder");
                }
                Trainer run = Trainer.load(folder);
                TrainConfig config = run.config();
                int n = batchSize != null ? batchSize : config.batchSize();
                Rng rng = new Rng(seed);
                Tensor data = Tensor.constant(run.model().dataset().sample(n, rng));
                Tensor latent = Tensor.constant(rng.gaussian(n, run.model().latentDim()));
                Tensor mixing = null;
                if (config.gradientPenalty() > 0) {
                    DMatrixRMaj eps = new DMatrixRMaj(n, 1);
                    for (int i = 0; i < n; i++) {
                        eps.data[i] = rng.nextDouble();
                    }
                    mixing = Tensor.constant(eps);
                }
                return new VectorField(run.model().game(), new Batch(data, latent, mixing));
        }
    }

    private void finish(ObjectNode report, double[] re, double[] im, boolean[] manifold)
            throws IOException {
        if (out != null) {
            write(report, re, im, manifold);
        }
        if (json) {
            System.out.println(JSON.writeValueAsString(report));
            return;
        }
        System.out.println(summary(report));
    }

    private static String summary(ObjectNode r) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%s: dim z = %d, %s analysis in %.2f s%n",
                r.get("target").asText(), r.get("dimension").asInt(),
                r.get("method").asText(), r.get("seconds").asDouble()));
        text.append(String.format(Locale.ROOT, "spectral abscissa     %.6g%s%n",
                r.get("spectralAbscissa").asDouble(),
                r.path("abscissaConverged").asBoolean(true) ? "" : " (not converged)"));
        if (r.has("zeroModes")) {
            text.append(String.format(Locale.ROOT, "zero modes            %d (singular values "
                    + "≤ %.3g)%n", r.get("zeroModes").asInt(),
                    r.get("zeroThreshold").asDouble()));
            text.append("off-manifold abscissa " + orNone(r, "offManifoldAbscissa") + "\n");
            text.append("largest stable step   " + orNone(r, "largestStableStep")
                    + " (Euler, h* = min 2|Re μ|/|μ|² off the manifold; 0: none)\n");
        }
        ArrayNode values = (ArrayNode) r.get("eigenvalues");
        int shown = Math.min(values.size(), 20);
        text.append("eigenvalues, largest real part first"
                + (shown < values.size() ? " (" + shown + " of " + values.size()
                        + "; --json or --out for all)" : "") + ":\n");
        for (int k = 0; k < shown; k++) {
            var v = values.get(k);
            text.append(String.format(Locale.ROOT, "  %+.6e %+.6e i%s%n", v.get("re")
                    .asDouble(), v.get("im").asDouble(), v.path("manifold").asBoolean()
                    ? "  (zero mode)" : v.has("residual") ? String.format(Locale.ROOT,
                            "  (residual %.2e)", v.get("residual").asDouble()) : ""));
        }
        return text.toString().stripTrailing();
    }

    private static String orNone(ObjectNode r, String key) {
        return r.get(key).isNull() ? "none" : String.format(Locale.ROOT, "%.6g",
                r.get(key).asDouble());
    }

    private void write(ObjectNode report, double[] re, double[] im, boolean[] manifold)
            throws IOException {
        createOutputFolder("--out", out);
        AtomicFiles.writeString(out.resolve("spectrum.json"),
                JSON.writeValueAsString(report) + System.lineSeparator());
        StringBuilder csv = new StringBuilder("re,im,zero_mode\n");
        int zeros = 0;
        for (int k = 0; k < re.length; k++) {
            csv.append(re[k]).append(',').append(im[k]).append(',').append(manifold[k])
                    .append('\n');
            zeros += manifold[k] ? 1 : 0;
        }
        AtomicFiles.writeString(out.resolve("spectrum.csv"), csv.toString());
        DMatrixRMaj others = new DMatrixRMaj(re.length - zeros, 2);
        DMatrixRMaj zeroModes = new DMatrixRMaj(zeros, 2);
        for (int k = 0, a = 0, b = 0; k < re.length; k++) {
            DMatrixRMaj into = manifold[k] ? zeroModes : others;
            int row = manifold[k] ? b++ : a++;
            into.set(row, 0, re[k]);
            into.set(row, 1, im[k]);
        }
        new ScatterPlot(700, 600).title("Jacobian eigenvalues: " + target + " (Re, Im)")
                .add("eigenvalues", others, ScatterPlot.Role.MODEL)
                .add("zero modes", zeroModes, ScatterPlot.Role.FIXED_WITNESS)
                .write(out.resolve("spectrum.png"));
    }

    /** JSON has no infinities: a value that is not finite (none exists) is null. */
    private static void putFinite(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }
}
