package kgan.nn;

import java.util.List;

import kgan.autodiff.Ops;
import kgan.autodiff.Tensor;
import kgan.linalg.Dense;

/**
 * The generator of the Gaussian-location GAN: G_θ(z) = z + θ with z, θ ∈ R^d, so that a
 * standard normal latent gives Q_θ = N(θ, I). Every direction of θ moves every generated
 * point, which makes the generator as well conditioned as a generator can be.
 */
public final class ShiftGenerator implements Network {

    private final Tensor theta;

    /** θ as a 1×d row; becomes the parameter (not copied). */
    public ShiftGenerator(Tensor theta) {
        if (theta.rows() != 1) {
            throw new IllegalArgumentException("ShiftGenerator: θ must be a 1×d row, got "
                    + Dense.shape(theta.value()));
        }
        this.theta = theta;
    }

    /** Z + 1 θᵀ for the n×d latent batch Z. */
    @Override
    public Tensor forward(Tensor latent) {
        if (latent.cols() != theta.cols()) {
            throw new IllegalArgumentException("ShiftGenerator: latents of shape "
                    + Dense.shape(latent.value()) + " for θ of dimension " + theta.cols());
        }
        return Ops.addRow(latent, theta);
    }

    @Override
    public List<Tensor> parameters() {
        return List.of(theta);
    }
}
