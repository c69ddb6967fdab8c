package kgan.dynamics;

import org.ejml.data.DMatrixRMaj;

import kgan.autodiff.Tensor;
import kgan.game.Batch;
import kgan.game.GameSpec;
import kgan.game.GanLoss;
import kgan.game.KernelGuidedGame;
import kgan.game.Witnesses;
import kgan.kernel.GaussianKernel;
import kgan.linalg.Dense;
import kgan.nn.ConstantGenerator;
import kgan.nn.LinearDiscriminator;

/**
 * The Dirac-GAN of Mescheder et al., "Which Training Methods for GANs do actually
 * Converge?" (2018), with kernel guidance: P = δ_0, G_θ = θ ∈ R, D_ψ(x) = ψ x, a Gaussian
 * kernel of bandwidth σ and one learned witness point v. It is built as a
 * {@link KernelGuidedGame} with one data point 0 and one latent, so its field is the same
 * field every other game uses; the state is z = (ψ, θ, v).
 *
 * <p>At (ψ, θ) = (0, 0) its Jacobian is
 * [[0, −f'(0), 0], [f'(0), −a, 0], [0, 0, 0]] with
 * a = 2λ_g/σ² + 2λ_l v² exp(−v²/σ²)/σ⁴ (proofs/dirac-gan.md).
 */
public final class DiracGan {

    private DiracGan() {
    }

    /** The field at the equilibrium (ψ, θ, v) = (0, 0, witness). */
    public static VectorField field(GanLoss loss, double lambdaGlobal, double lambdaLocal,
            double bandwidth, double witness) {
        return field(loss, lambdaGlobal, lambdaLocal, bandwidth, witness, 0, 0);
    }

    /** The field at the state (ψ, θ, v) = (psi, theta, witness). */
    public static VectorField field(GanLoss loss, double lambdaGlobal, double lambdaLocal,
            double bandwidth, double witness, double psi, double theta) {
        GameSpec spec = GameSpec.guided(loss, new GaussianKernel(bandwidth), lambdaGlobal,
                lambdaLocal);
        LinearDiscriminator discriminator =
                new LinearDiscriminator(Tensor.parameter(Dense.scalar(psi)));
        ConstantGenerator generator = new ConstantGenerator(Tensor.parameter(
                Dense.scalar(theta)));
        Witnesses witnesses = new Witnesses(new DMatrixRMaj(0, 1), Dense.scalar(witness),
                null);
        KernelGuidedGame game = new KernelGuidedGame(spec, discriminator, generator, witnesses);
        Batch batch = new Batch(Tensor.constant(Dense.scalar(0)),
                Tensor.constant(Dense.scalar(0)));
        return new VectorField(game, batch);
    }

    /** a = 2λ_g/σ² + 2λ_l v² exp(−v²/σ²)/σ⁴, the generator's curvature at θ = 0. */
    public static double curvature(double lambdaGlobal, double lambdaLocal, double bandwidth,
            double witness) {
        double s2 = bandwidth * bandwidth;
        double v2 = witness * witness;
        return 2 * lambdaGlobal / s2 + 2 * lambdaLocal * v2 * Math.exp(-v2 / s2) / (s2 * s2);
    }

    /**
     * The closed-form eigenvalues at the equilibrium, as {re, im} pairs:
     * 0 and (−a ± √(a² − 4 f'(0)²)) / 2.
     */
    public static double[][] eigenvalues(GanLoss loss, double lambdaGlobal,
            double lambdaLocal, double bandwidth, double witness) {
        double a = curvature(lambdaGlobal, lambdaLocal, bandwidth, witness);
        double c = loss.fPrimeAtZero();
        double discriminant = a * a - 4 * c * c;
        if (discriminant >= 0) {
            double root = Math.sqrt(discriminant);
            // The roots of μ² + aμ + f'(0)² multiply to f'(0)²: taking the small one as
            // f'(0)²/big avoids the cancellation in −a + root when a ≫ f'(0).
            double big = (-a - root) / 2;
            double small = c * c / big;
            return new double[][] {{0, 0}, {small, 0}, {big, 0}};
        }
        double im = Math.sqrt(-discriminant) / 2;
        return new double[][] {{0, 0}, {-a / 2, im}, {-a / 2, -im}};
    }
}
