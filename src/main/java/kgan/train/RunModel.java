package kgan.train;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.ejml.data.DMatrixRMaj;

import kgan.autodiff.Autodiff;
import kgan.autodiff.Tensor;
import kgan.data.Dataset;
import kgan.data.Datasets;
import kgan.dynamics.AlternatingStep;
import kgan.dynamics.Integrator;
import kgan.dynamics.SimultaneousStep;
import kgan.game.Batch;
import kgan.game.GameSpec;
import kgan.game.KernelGuidedGame;
import kgan.game.Player;
import kgan.game.Witnesses;
import kgan.kernel.GaussianKernel;
import kgan.kernel.GaussianMixtureKernel;
import kgan.kernel.InverseMultiquadricKernel;
import kgan.kernel.Kernel;
import kgan.linalg.Rng;
import kgan.nn.Activation;
import kgan.nn.Init;
import kgan.nn.Mlp;
import kgan.optim.Adam;
import kgan.optim.Optimizer;
import kgan.optim.Sgd;

/**
 * The objects a configuration describes: the data, the two networks, the witness points, the
 * kernel and the game. Building draws the initial weights and witness points from the run's
 * random source, in that order: generator, discriminator, learned witnesses.
 */
public record RunModel(Dataset dataset, Kernel kernel, KernelGuidedGame game, int latentDim) {

    /** Builds everything {@code config} describes; {@code rng}: Modified (advanced). */
    public static RunModel build(TrainConfig config, Rng rng) {
        Dataset dataset = Datasets.byName(config.data());
        int d = dataset.dimension();
        Activation hidden = activation(config.activation());
        Init init = init(config);

        List<Integer> generatorWidths = widths(config.latentDim(), config.generatorHidden(), d);
        Mlp generator = new Mlp(generatorWidths, hidden, Activation.IDENTITY, init, rng);
        List<Integer> discriminatorWidths = widths(d, config.discriminatorHidden(), 1);
        Mlp discriminator = new Mlp(discriminatorWidths, hidden, Activation.IDENTITY,
                config.discriminatorInputScale(), init, rng);

        double[][] fixed = config.fixedWitnessPoints(d);
        DMatrixRMaj fixedPoints = new DMatrixRMaj(fixed.length, d);
        for (int j = 0; j < fixed.length; j++) {
            System.arraycopy(fixed[j], 0, fixedPoints.data, j * d, d);
        }
        DMatrixRMaj learned = rng.gaussian(config.witnesses(), d);
        Witnesses witnesses = new Witnesses(fixedPoints, learned, null);

        Kernel kernel = kernel(config);
        GameSpec spec = new GameSpec(config.loss(), kernel, config.lambdaGlobal(),
                config.lambdaLocal(), config.unbiasedMmd(), config.normalisedLocal(),
                config.normalisationGamma(), config.witnessRate(), config.gradientPenalty(),
                config.gradientNormPenalty());
        KernelGuidedGame game = new KernelGuidedGame(spec, discriminator, generator, witnesses);
        return new RunModel(dataset, kernel, game, config.latentDim());
    }

    /** One optimiser per player and the update order the configuration names. */
    public Integrator integrator(TrainConfig config) {
        Map<Player, Optimizer> optimizers = new EnumMap<>(Player.class);
        optimizers.put(Player.DISCRIMINATOR, optimizer(config, config.lrDiscriminator()));
        optimizers.put(Player.GENERATOR, optimizer(config, config.lrGenerator()));
        optimizers.put(Player.WITNESSES, optimizer(config, config.lrWitnesses()));
        return switch (config.update()) {
            case ALTERNATING -> new AlternatingStep(optimizers, config.discriminatorSteps());
            case SIMULTANEOUS -> new SimultaneousStep(optimizers, config.discriminatorSteps());
        };
    }

    /**
     * Training batches drawn from {@code rng}, in a fixed order: data, latent, and the
     * penalty's mixing weights when a gradient penalty is on.
     */
    public Supplier<Batch> batches(TrainConfig config, Rng rng) {
        int n = config.batchSize();
        boolean mixing = config.gradientPenalty() > 0;
        return () -> {
            Tensor data = Tensor.constant(dataset.sample(n, rng));
            Tensor latent = Tensor.constant(rng.gaussian(n, latentDim));
            Tensor weights = null;
            if (mixing) {
                DMatrixRMaj eps = new DMatrixRMaj(n, 1);
                for (int i = 0; i < n; i++) {
                    eps.data[i] = rng.nextDouble();
                }
                weights = Tensor.constant(eps);
            }
            return new Batch(data, latent, weights);
        };
    }

    /** n generated points G(z) for latent draws from {@code draws}. */
    public DMatrixRMaj sample(int n, Rng draws) {
        DMatrixRMaj z = draws.gaussian(n, latentDim);
        return Autodiff.noGrad(() -> game.generator().forward(Tensor.constant(z))).value();
    }

    private static Optimizer optimizer(TrainConfig config, double learningRate) {
        return switch (config.optimizer()) {
            case ADAM -> new Adam(learningRate, config.betaOne(), config.betaTwo(), 1e-8);
            case SGD -> new Sgd(learningRate, config.momentum());
        };
    }

    static Kernel kernel(TrainConfig config) {
        if (config.kernel() == TrainConfig.KernelKind.IMQ) {
            return new InverseMultiquadricKernel(config.imqScale());
        }
        List<Double> bandwidths = config.bandwidth();
        if (bandwidths.size() == 1) {
            return new GaussianKernel(bandwidths.get(0));
        }
        double[] sigmas = new double[bandwidths.size()];
        for (int i = 0; i < sigmas.length; i++) {
            sigmas[i] = bandwidths.get(i);
        }
        return new GaussianMixtureKernel(sigmas);
    }

    private static Activation activation(TrainConfig.ActivationKind kind) {
        return Activation.valueOf(kind.name());
    }

    private static Init init(TrainConfig config) {
        return switch (config.init()) {
            case ORTHOGONAL -> new Init.Orthogonal(config.initGain());
            case GLOROT -> new Init.GlorotUniform();
            case HE -> new Init.HeNormal();
        };
    }

    private static List<Integer> widths(int in, List<Integer> hidden, int out) {
        List<Integer> widths = new ArrayList<>();
        widths.add(in);
        widths.addAll(hidden);
        widths.add(out);
        return widths;
    }
}
