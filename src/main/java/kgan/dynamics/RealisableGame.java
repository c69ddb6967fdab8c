package kgan.dynamics;

import java.util.ArrayList;
import java.util.List;

import org.ejml.data.DMatrixRMaj;

import kgan.autodiff.Autodiff;
import kgan.autodiff.Ops;
import kgan.autodiff.Tensor;
import kgan.game.Batch;
import kgan.game.GameSpec;
import kgan.game.GanLoss;
import kgan.game.KernelGuidedGame;
import kgan.game.Witnesses;
import kgan.kernel.GaussianKernel;
import kgan.linalg.Rng;
import kgan.nn.Activation;
import kgan.nn.Init;
import kgan.nn.Linear;
import kgan.nn.LinearDiscriminator;
import kgan.nn.Mlp;
import kgan.nn.Network;
import kgan.nn.ShiftGenerator;

/**
 * Exact equilibria of the empirical kernel-guided game (proofs/guided-stability.md): the data are a
 * teacher generator applied to a fixed latent batch, the model's batch uses the same
 * latents, the model's generator equals the teacher, and the discriminator is flat (its
 * output layer zero, so D ≡ 0). Every discrepancy and every velocity then vanishes, for any
 * witness points, so z* is a stationary point of the field on that batch.
 */
public final class RealisableGame {

    /**
     * The shape of an MLP realisable game.
     *
     * @param loss                 the adversarial loss
     * @param latentDim            m, the latent dimension
     * @param generatorHidden      the generator's hidden widths (empty: an affine generator)
     * @param generatorActivation  the generator's hidden activation
     * @param dataDim              d, the data dimension
     * @param discriminatorHidden  the discriminator's hidden widths
     * @param discriminatorActivation the discriminator's hidden activation
     * @param batchSize            n, the number of data points and of latents
     * @param bandwidth            σ of the Gaussian kernel
     * @param lambdaGlobal         λ_g
     * @param lambdaLocal          λ_l
     * @param witnesses            J, the number of learned witness points
     * @param seed                 the seed of the weights, latents and witness points
     */
    public record Settings(GanLoss loss, int latentDim, List<Integer> generatorHidden,
            Activation generatorActivation, int dataDim, List<Integer> discriminatorHidden,
            Activation discriminatorActivation, int batchSize, double bandwidth,
            double lambdaGlobal, double lambdaLocal, int witnesses, long seed) {

        public Settings {
            generatorHidden = List.copyOf(generatorHidden);
            discriminatorHidden = List.copyOf(discriminatorHidden);
        }

        /** dim z = |ψ| + |θ| + J d. */
        public int parameterCount() {
            return count(widths(latentDim, generatorHidden, dataDim))
                    + count(widths(dataDim, discriminatorHidden, 1)) + witnesses * dataDim;
        }

        /**
         * Two hidden layers of width h in both networks (latent 4, data 2, batch 32,
         * 2 learned witnesses), h chosen so that dim z is as close to {@code target} as
         * these shapes allow; the other settings as given.
         */
        public static Settings ofSize(int target, GanLoss loss, double bandwidth,
                double lambdaGlobal, double lambdaLocal, long seed) {
            Settings best = null;
            for (int h = 1; h <= 4096; h++) {
                Settings s = new Settings(loss, 4, List.of(h, h), Activation.TANH, 2,
                        List.of(h, h), Activation.TANH, 32, bandwidth, lambdaGlobal,
                        lambdaLocal, 2, seed);
                if (best == null || Math.abs(s.parameterCount() - target)
                        < Math.abs(best.parameterCount() - target)) {
                    best = s;
                }
                if (s.parameterCount() > target) {
                    break;
                }
            }
            return best;
        }

        private static int count(List<Integer> widths) {
            int n = 0;
            for (int k = 1; k < widths.size(); k++) {
                n += (widths.get(k - 1) + 1) * widths.get(k);
            }
            return n;
        }
    }

    private RealisableGame() {
    }

    /** The MLP game at its equilibrium z* = (ψ*, θ* = teacher, W). */
    public static VectorField mlp(Settings s) {
        Rng rng = new Rng(s.seed());
        Init init = new Init.GlorotUniform();
        Mlp teacher = new Mlp(widths(s.latentDim(), s.generatorHidden(), s.dataDim()),
                s.generatorActivation(), Activation.IDENTITY, init, rng);
        Mlp discriminator = new Mlp(widths(s.dataDim(), s.discriminatorHidden(), 1),
                s.discriminatorActivation(), Activation.IDENTITY, init, rng);
        discriminator.layers().get(discriminator.layers().size() - 1).zero();
        DMatrixRMaj latent = rng.gaussian(s.batchSize(), s.latentDim());
        DMatrixRMaj witnesses = rng.gaussian(s.witnesses(), s.dataDim());
        Mlp generator = copy(teacher);
        return equilibrium(s.loss(), s.bandwidth(), s.lambdaGlobal(), s.lambdaLocal(),
                discriminator, generator, teacher, latent, witnesses);
    }

    /**
     * The Gaussian-location game at its equilibrium: latents z_i ~ N(0, I_d), data
     * x_i = z_i + m for a drawn mean m, the generator G_θ(z) = z + θ at θ* = m, the linear
     * discriminator D_ψ(x) = ψᵀx at ψ* = 0, and J learned witness points.
     */
    public static VectorField gaussianLocation(GanLoss loss, int d, int n, double bandwidth,
            double lambdaGlobal, double lambdaLocal, int witnesses, long seed) {
        Rng rng = new Rng(seed);
        DMatrixRMaj mean = rng.gaussian(1, d);
        DMatrixRMaj latent = rng.gaussian(n, d);
        DMatrixRMaj points = rng.gaussian(witnesses, d);
        ShiftGenerator teacher = new ShiftGenerator(Tensor.constant(mean));
        ShiftGenerator generator = new ShiftGenerator(Tensor.parameter(mean.copy()));
        LinearDiscriminator discriminator =
                new LinearDiscriminator(Tensor.parameter(new DMatrixRMaj(d, 1)));
        return equilibrium(loss, bandwidth, lambdaGlobal, lambdaLocal, discriminator,
                generator, teacher, latent, points);
    }

    private static VectorField equilibrium(GanLoss loss, double bandwidth,
            double lambdaGlobal, double lambdaLocal, Network discriminator, Network generator,
            Network teacher, DMatrixRMaj latent, DMatrixRMaj witnessPoints) {
        Tensor z = Tensor.constant(latent);
        Tensor data = Autodiff.noGrad(() -> teacher.forward(z)).detach();
        GameSpec spec = GameSpec.guided(loss, new GaussianKernel(bandwidth), lambdaGlobal,
                lambdaLocal);
        Witnesses witnesses = new Witnesses(new DMatrixRMaj(0, data.cols()), witnessPoints,
                null);
        KernelGuidedGame game = new KernelGuidedGame(spec, discriminator, generator, witnesses);
        return new VectorField(game, new Batch(data, z));
    }

    /**
     * The dimension of the equilibrium manifold through z*, counted from the networks, not
     * from J (proofs/guided-stability.md):
     *
     * @param discriminator dim(ker A ∩ ker Bᵀ), with A = −2f''(0) E_P[∇_ψD ∇_ψDᵀ] (the rows
     *                      ∇_ψ D(x_i)) and Bᵀ ∝ ∂_ψ ∇_θ E_z D(G_θ(z))
     * @param generator     dim ker Γ, Γ = ∂ vec G_θ(Z) / ∂θ: the generator directions that
     *                      leave every generated point unchanged
     * @param witnesses     the learned witness coordinates, all free at P = Q
     */
    public record ManifoldDimension(int discriminator, int generator, int witnesses) {

        public int total() {
            return discriminator + generator + witnesses;
        }
    }

    /**
     * Counts the equilibrium manifold's dimension at the field's current state, which must
     * be a realisable equilibrium with a flat discriminator. Ranks are numerical: a singular
     * value counts as zero below max(rows, cols) ε times the largest.
     */
    public static ManifoldDimension manifoldDimension(VectorField field) {
        KernelGuidedGame game = field.game();
        Network d = game.discriminator();
        Network g = game.generator();
        List<Tensor> psi = d.parameters();
        List<Tensor> theta = g.parameters();
        int pPsi = d.parameterCount();
        int pTheta = g.parameterCount();
        Tensor data = field.batch().data();
        Tensor latent = field.batch().latent();

        List<double[]> rows = new ArrayList<>();
        if (game.spec().loss().fSecondAtZero() != 0) {
            rows.addAll(jacobianRows(d.forward(data), psi, pPsi));
        }
        Tensor meanLogit = Ops.mean(d.forward(g.forward(latent)));
        for (Tensor gradient : Autodiff.grad(meanLogit, theta, true)) {
            rows.addAll(jacobianRows(gradient, psi, pPsi));
        }
        int discriminator = pPsi - rank(rows, pPsi);

        List<double[]> gamma = jacobianRows(g.forward(latent), theta, pTheta);
        int generator = pTheta - rank(gamma, pTheta);

        int witnesses = field.size(kgan.game.Player.WITNESSES);
        return new ManifoldDimension(discriminator, generator, witnesses);
    }

    /** One row ∂y_e/∂x per entry e of y, over the flattened inputs. */
    private static List<double[]> jacobianRows(Tensor y, List<Tensor> inputs, int width) {
        List<double[]> rows = new ArrayList<>();
        DMatrixRMaj seed = new DMatrixRMaj(y.rows(), y.cols());
        for (int e = 0; e < seed.getNumElements(); e++) {
            double[] row = new double[width];
            if (y.requiresGrad()) {
                seed.data[e] = 1.0;
                List<Tensor> grads = Autodiff.grad(y, Tensor.constant(seed), inputs, false);
                seed.data[e] = 0.0;
                int at = 0;
                for (Tensor t : grads) {
                    int size = t.value().getNumElements();
                    System.arraycopy(t.value().data, 0, row, at, size);
                    at += size;
                }
            }
            rows.add(row);
        }
        return rows;
    }

    private static int rank(List<double[]> rows, int width) {
        if (rows.isEmpty() || width == 0) {
            return 0;
        }
        DMatrixRMaj m = new DMatrixRMaj(rows.size(), width);
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, m.data, i * width, width);
        }
        double[] s = Spectrum.singularValues(m);
        double tau = Math.max(m.numRows, m.numCols) * Math.ulp(1.0) * s[0];
        int rank = 0;
        for (double value : s) {
            if (value > tau) {
                rank++;
            }
        }
        return rank;
    }

    private static Mlp copy(Mlp mlp) {
        List<Linear> layers = new ArrayList<>();
        for (Linear layer : mlp.layers()) {
            layers.add(new Linear(Tensor.parameter(layer.weight().value().copy()),
                    Tensor.parameter(layer.bias().value().copy())));
        }
        return new Mlp(layers, mlp.hidden(), mlp.output(), mlp.inputScale());
    }

    private static List<Integer> widths(int in, List<Integer> hidden, int out) {
        List<Integer> widths = new ArrayList<>();
        widths.add(in);
        widths.addAll(hidden);
        widths.add(out);
        return widths;
    }
}
