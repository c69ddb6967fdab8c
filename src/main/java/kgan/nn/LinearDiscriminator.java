package kgan.nn;

import java.util.List;

import kgan.autodiff.Ops;
import kgan.autodiff.Tensor;
import kgan.linalg.Dense;

/**
 * A linear discriminator without bias, D_ψ(x) = ψᵀ x with ψ ∈ R^d: the discriminator of the
 * Dirac-GAN (d = 1) and of the Gaussian-location GAN. D ≡ 0 exactly when ψ = 0.
 */
public final class LinearDiscriminator implements Network {

    private final Tensor psi;

    /** ψ as a d×1 column; becomes the parameter (not copied). */
    public LinearDiscriminator(Tensor psi) {
        if (psi.cols() != 1) {
            throw new IllegalArgumentException("LinearDiscriminator: ψ must be a d×1 column, "
                    + "got " + Dense.shape(psi.value()));
        }
        this.psi = psi;
    }

    /** The logits X ψ, n×1, for the n×d batch X. */
    @Override
    public Tensor forward(Tensor x) {
        if (x.cols() != psi.rows()) {
            throw new IllegalArgumentException("LinearDiscriminator: points of shape "
                    + Dense.shape(x.value()) + " for ψ of dimension " + psi.rows());
        }
        return Ops.matmul(x, psi);
    }

    @Override
    public List<Tensor> parameters() {
        return List.of(psi);
    }
}
