package kgan.nn;

import java.util.List;

import kgan.autodiff.Ops;
import kgan.autodiff.Tensor;
import kgan.linalg.Dense;

/**
 * The generator of the Dirac-GAN (Mescheder et al. 2018): G_θ(z) = θ for every latent z, so
 * the model distribution is the point mass at θ ∈ R^d. The batch of latents only sets how
 * many rows the output has.
 */
public final class ConstantGenerator implements Network {

    private final Tensor theta;

    /** θ as a 1×d row; becomes the parameter (not copied). */
    public ConstantGenerator(Tensor theta) {
        if (theta.rows() != 1) {
            throw new IllegalArgumentException("ConstantGenerator: θ must be a 1×d row, got "
                    + Dense.shape(theta.value()));
        }
        this.theta = theta;
    }

    /** n copies of θ for an n×m latent batch: 1 θᵀ. */
    @Override
    public Tensor forward(Tensor latent) {
        return Ops.repeatRow(theta, latent.rows());
    }

    @Override
    public List<Tensor> parameters() {
        return List.of(theta);
    }
}
