package kgan.train;

import static kgan.train.OptionChecks.requireAtLeast;
import static kgan.train.OptionChecks.requireNonNegative;
import static kgan.train.OptionChecks.requirePositive;
import static kgan.train.OptionChecks.requireUnitInterval;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import kgan.game.GanLoss;
import picocli.CommandLine.Option;

/**
 * Every setting of a training run, each declared once with its meaning and default. The
 * command line fills it; the run folder keeps it as config.json, so every result can be
 * traced to the settings that made it. Defaults follow the ring protocol of the Unrolled-GAN
 * paper (Metz et al. 2017) with kernel guidance on.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonIgnoreProperties(ignoreUnknown = false)
public final class TrainConfig {

    /** How the players take turns. */
    public enum Update {
        ALTERNATING, SIMULTANEOUS;

        @Override
        public String toString() {
            return cliName(this);
        }
    }

    /** Each player's optimiser. */
    public enum OptimizerKind {
        ADAM, SGD;

        @Override
        public String toString() {
            return cliName(this);
        }
    }

    /** The kernel family of both control signals. */
    public enum KernelKind {
        GAUSSIAN, IMQ;

        @Override
        public String toString() {
            return cliName(this);
        }
    }

    /** The weight initialisation of both networks. */
    public enum InitKind {
        ORTHOGONAL, GLOROT, HE;

        @Override
        public String toString() {
            return cliName(this);
        }
    }

    /** The hidden activation of both networks. */
    public enum ActivationKind {
        RELU, LEAKY_RELU, TANH, SOFTPLUS, SIGMOID;

        @Override
        public String toString() {
            return cliName(this);
        }
    }

    @Option(names = "--data", paramLabel = "ring|grid|ring-rare[:K:SHARE]|FILE.csv",
            description = "Data: the 8-Gaussian ring, the 25-Gaussian grid, the ring whose "
                    + "mode K has probability SHARE (default 0:0.02), or a CSV file of "
                    + "points (one per row, header optional). Default: ${DEFAULT-VALUE}.")
    String data = "ring";

    @Option(names = "--seed", description = "Seed of the run's random source. "
            + "Default: ${DEFAULT-VALUE}.")
    long seed = 0;

    @Option(names = "--steps", description = "Generator steps (iterations). "
            + "Default: ${DEFAULT-VALUE}.")
    int steps = 25_000;

    @Option(names = "--batch-size", description = "Points per batch, data and generated "
            + "alike. Default: ${DEFAULT-VALUE}.")
    int batchSize = 512;

    @Option(names = "--latent-dim", description = "Dimension m of the latent Z ~ N(0, I_m). "
            + "Default: ${DEFAULT-VALUE}.")
    int latentDim = 256;

    @Option(names = "--generator-hidden", split = ",", paramLabel = "W[,W…]",
            description = "Hidden widths of the generator. Default: ${DEFAULT-VALUE}.")
    List<Integer> generatorHidden = new ArrayList<>(List.of(128, 128));

    @Option(names = "--discriminator-hidden", split = ",", paramLabel = "W[,W…]",
            description = "Hidden widths of the discriminator. Default: ${DEFAULT-VALUE}.")
    List<Integer> discriminatorHidden = new ArrayList<>(List.of(128));

    @Option(names = "--activation", description = "Hidden activation of both networks: "
            + "${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    ActivationKind activation = ActivationKind.RELU;

    @Option(names = "--discriminator-input-scale", description = "The discriminator sees "
            + "x times this. Default: ${DEFAULT-VALUE}.")
    double discriminatorInputScale = 0.25;

    @Option(names = "--init", description = "Weight initialisation: "
            + "${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    InitKind init = InitKind.ORTHOGONAL;

    @Option(names = "--init-gain", description = "Gain of the orthogonal initialisation. "
            + "Default: ${DEFAULT-VALUE}.")
    double initGain = 0.8;

    @Option(names = "--loss", description = "Adversarial loss: ${COMPLETION-CANDIDATES}. "
            + "Default: ${DEFAULT-VALUE}.")
    GanLoss loss = GanLoss.NON_SATURATING;

    @Option(names = "--kernel", description = "Kernel: gaussian (the mean over the "
            + "bandwidths when several are given) or imq. Default: ${DEFAULT-VALUE}.")
    KernelKind kernel = KernelKind.GAUSSIAN;

    @Option(names = "--bandwidth", split = ",", paramLabel = "σ[,σ…]",
            description = "Gaussian bandwidths σ. Default: ${DEFAULT-VALUE}.")
    List<Double> bandwidth = new ArrayList<>(List.of(0.5));

    @Option(names = "--imq-scale", description = "c of the inverse multiquadric kernel "
            + "(c² + ‖x − y‖²)^(−1/2). Default: ${DEFAULT-VALUE}.")
    double imqScale = 1.0;

    @Option(names = {"--lambda-global", "--lambda-g"}, description = "λ_g, weight of MMD² "
            + "in the generator's loss. Default: ${DEFAULT-VALUE}.")
    double lambdaGlobal = 1.0;

    @Option(names = {"--lambda-local", "--lambda-l"}, description = "λ_l, weight of the "
            + "local discrepancy at the witness points. Default: ${DEFAULT-VALUE}.")
    double lambdaLocal = 1.0;

    @Option(names = "--unbiased-mmd", description = "Use the unbiased U-statistic for MMD² "
            + "instead of the biased V-statistic.")
    boolean unbiasedMmd = false;

    @Option(names = "--normalised-local", description = "Divide each squared witness value "
            + "by its estimated variance (the per-location variant of the ME-test "
            + "statistic).")
    boolean normalisedLocal = false;

    @Option(names = "--normalisation-gamma", description = "γ added to each witness "
            + "variance in the normalised local discrepancy. Default: ${DEFAULT-VALUE}.")
    double normalisationGamma = 1e-3;

    @Option(names = "--witnesses", description = "Number of learned witness points, drawn "
            + "from N(0, I) at the start. Default: ${DEFAULT-VALUE}.")
    int witnesses = 8;

    @Option(names = "--fixed-witness", paramLabel = "x,y,…", description = "A fixed witness "
            + "point (repeat the option for several).")
    List<String> fixedWitness = new ArrayList<>();

    @Option(names = "--witness-rate", description = "η, the time scale of the witness "
            + "points' ascent. Default: ${DEFAULT-VALUE}.")
    double witnessRate = 1.0;

    @Option(names = "--update", description = "alternating (discriminator first, then "
            + "generator and witnesses on the same batch) or simultaneous. "
            + "Default: ${DEFAULT-VALUE}.")
    Update update = Update.ALTERNATING;

    @Option(names = "--discriminator-steps", description = "Discriminator steps per "
            + "generator step. Default: ${DEFAULT-VALUE}.")
    int discriminatorSteps = 1;

    @Option(names = "--optimizer", description = "Optimiser of every player: "
            + "${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    OptimizerKind optimizer = OptimizerKind.ADAM;

    @Option(names = "--lr-generator", description = "Generator learning rate. "
            + "Default: ${DEFAULT-VALUE}.")
    double lrGenerator = 1e-4;

    @Option(names = "--lr-discriminator", description = "Discriminator learning rate. "
            + "Default: ${DEFAULT-VALUE}.")
    double lrDiscriminator = 1e-4;

    @Option(names = "--lr-witnesses", description = "Witness points' learning rate. "
            + "Default: ${DEFAULT-VALUE}.")
    double lrWitnesses = 1e-3;

    @Option(names = "--beta1", description = "Adam's β1. Default: ${DEFAULT-VALUE}.")
    double betaOne = 0.5;

    @Option(names = "--beta2", description = "Adam's β2. Default: ${DEFAULT-VALUE}.")
    double betaTwo = 0.999;

    @Option(names = "--momentum", description = "SGD momentum. Default: ${DEFAULT-VALUE}.")
    double momentum = 0.0;

    @Option(names = "--gradient-penalty", description = "WGAN-GP weight (Gulrajani et al. "
            + "2017); 0 for none. Default: ${DEFAULT-VALUE}.")
    double gradientPenalty = 0.0;

    @Option(names = "--gradient-norm-penalty", description = "Weight of ‖∇_ψ V‖² in the "
            + "generator's loss (Nagarajan and Kolter 2017); 0 for none. "
            + "Default: ${DEFAULT-VALUE}.")
    double gradientNormPenalty = 0.0;

    @Option(names = "--eval-every", description = "Steps between evaluations, plots and "
            + "checkpoints. Default: ${DEFAULT-VALUE}.")
    int evalEvery = 1000;

    @Option(names = "--eval-samples", description = "Generated and held-out points per "
            + "evaluation; the mode metrics' thresholds (20 high-quality samples cover a mode) "
            + "assume 2,500. Default: ${DEFAULT-VALUE}.")
    int evalSamples = 2500;

    @Option(names = "--spectral-every", description = "Steps between estimates of the "
            + "Jacobian's spectral abscissa (Arnoldi on J v products, on a fixed seeded "
            + "batch), written to spectral.csv; 0 for none. Default: ${DEFAULT-VALUE}.")
    @com.fasterxml.jackson.annotation.JsonInclude(
            com.fasterxml.jackson.annotation.JsonInclude.Include.NON_DEFAULT)
    int spectralEvery = 0;

    /** An option value as it is typed: NON_SATURATING is "non-saturating". */
    public static String cliName(Enum<?> constant) {
        return constant.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Checks every setting; the error names the option and what it expects. */
    public void validate() {
        requirePositive("--steps", steps);
        requirePositive("--batch-size", batchSize);
        requirePositive("--latent-dim", latentDim);
        requirePositive("--eval-every", evalEvery);
        requirePositive("--eval-samples", evalSamples);
        requirePositive("--discriminator-steps", discriminatorSteps);
        requireAtLeast("--witnesses", witnesses, 0);
        requireAtLeast("--spectral-every", spectralEvery, 0);
        for (int w : generatorHidden) {
            requirePositive("--generator-hidden", w);
        }
        for (int w : discriminatorHidden) {
            requirePositive("--discriminator-hidden", w);
        }
        if (bandwidth.isEmpty()) {
            throw new InvalidInputException("--bandwidth: expected at least one bandwidth");
        }
        for (double s : bandwidth) {
            requirePositive("--bandwidth", s);
        }
        requirePositive("--imq-scale", imqScale);
        requirePositive("--normalisation-gamma", normalisationGamma);
        requirePositive("--lr-generator", lrGenerator);
        requirePositive("--lr-discriminator", lrDiscriminator);
        requirePositive("--lr-witnesses", lrWitnesses);
        requirePositive("--init-gain", initGain);
        requirePositive("--discriminator-input-scale", discriminatorInputScale);
        requireNonNegative("--lambda-global", lambdaGlobal);
        requireNonNegative("--lambda-local", lambdaLocal);
        requireNonNegative("--witness-rate", witnessRate);
        requireNonNegative("--gradient-penalty", gradientPenalty);
        requireNonNegative("--gradient-norm-penalty", gradientNormPenalty);
        requireNonNegative("--momentum", momentum);
        requireUnitInterval("--beta1", betaOne);
        requireUnitInterval("--beta2", betaTwo);
        if ((unbiasedMmd || normalisedLocal) && batchSize < 2) {
            throw new InvalidInputException("--batch-size is " + batchSize + "; "
                    + (unbiasedMmd ? "--unbiased-mmd" : "--normalised-local")
                    + " needs at least 2 (its estimates divide by n − 1)");
        }
        if (evalSamples < 2) {
            throw new InvalidInputException("--eval-samples is " + evalSamples
                    + "; expected at least 2 (the held-out MMD² is the unbiased estimate)");
        }
        if (witnesses + fixedWitness.size() == 0 && lambdaLocal > 0) {
            throw new InvalidInputException("--lambda-local is " + lambdaLocal
                    + " but there are no witness points; give --witnesses or "
                    + "--fixed-witness, or set --lambda-local 0");
        }
    }

    /** The fixed witness points, parsed; each must have {@code dimension} coordinates. */
    public double[][] fixedWitnessPoints(int dimension) {
        double[][] points = new double[fixedWitness.size()][];
        for (int j = 0; j < points.length; j++) {
            String[] cells = fixedWitness.get(j).split(",");
            if (cells.length != dimension) {
                throw new InvalidInputException("--fixed-witness '" + fixedWitness.get(j)
                        + "': " + cells.length + " coordinates, expected " + dimension
                        + " (the data's dimension)");
            }
            points[j] = new double[dimension];
            for (int k = 0; k < dimension; k++) {
                try {
                    points[j][k] = Double.parseDouble(cells[k].trim());
                } catch (NumberFormatException e) {
                    throw new InvalidInputException("--fixed-witness '" + fixedWitness.get(j)
                            + "': coordinate " + (k + 1) + " '" + cells[k].trim()
                            + "' is not a number");
                }
                if (!Double.isFinite(points[j][k])) {
                    throw new InvalidInputException("--fixed-witness '" + fixedWitness.get(j)
                            + "': coordinate " + (k + 1) + " must be finite");
                }
            }
        }
        return points;
    }

    // ----- read access for the trainer --------------------------------------------------

    public String data() { return data; }
    public long seed() { return seed; }
    public int steps() { return steps; }
    public int batchSize() { return batchSize; }
    public int latentDim() { return latentDim; }
    public List<Integer> generatorHidden() { return generatorHidden; }
    public List<Integer> discriminatorHidden() { return discriminatorHidden; }
    public ActivationKind activation() { return activation; }
    public double discriminatorInputScale() { return discriminatorInputScale; }
    public InitKind init() { return init; }
    public double initGain() { return initGain; }
    public GanLoss loss() { return loss; }
    public KernelKind kernel() { return kernel; }
    public List<Double> bandwidth() { return bandwidth; }
    public double imqScale() { return imqScale; }
    public double lambdaGlobal() { return lambdaGlobal; }
    public double lambdaLocal() { return lambdaLocal; }
    public boolean unbiasedMmd() { return unbiasedMmd; }
    public boolean normalisedLocal() { return normalisedLocal; }
    public double normalisationGamma() { return normalisationGamma; }
    public int witnesses() { return witnesses; }
    public double witnessRate() { return witnessRate; }
    public Update update() { return update; }
    public int discriminatorSteps() { return discriminatorSteps; }
    public OptimizerKind optimizer() { return optimizer; }
    public double lrGenerator() { return lrGenerator; }
    public double lrDiscriminator() { return lrDiscriminator; }
    public double lrWitnesses() { return lrWitnesses; }
    public double betaOne() { return betaOne; }
    public double betaTwo() { return betaTwo; }
    public double momentum() { return momentum; }
    public double gradientPenalty() { return gradientPenalty; }
    public double gradientNormPenalty() { return gradientNormPenalty; }
    public int evalEvery() { return evalEvery; }
    public int evalSamples() { return evalSamples; }
    public int spectralEvery() { return spectralEvery; }

    /** Changes the step count (a resumed run may be extended). */
    public void setSteps(int steps) {
        this.steps = steps;
    }
}
