package kgan.kernel;

import org.ejml.data.DMatrixRMaj;

import kgan.autodiff.Tensor;

/**
 * A positive definite kernel k on R^d, evaluated on every pair of rows of two point sets.
 *
 * <p>The implementations are radial: k(x, y) = κ(‖x − y‖²) for a smooth profile κ, with the
 * squared distance computed without a square root, so that gradients stay finite where
 * points coincide.
 */
public interface Kernel {

    /**
     * The Gram matrix K_ij = k(x_i, y_j) of the rows of x (n×d) and y (m×d), an n×m tensor
     * differentiable in both arguments (the second derivatives are tested). x, y: Not
     * modified.
     *
     * @throws IllegalArgumentException if x and y have different numbers of columns
     */
    Tensor gram(Tensor x, Tensor y);

    /**
     * The same Gram matrix for plain matrices, building no graph: for metrics on large
     * held-out sets. x, y: Not modified; the result is a new matrix.
     *
     * @throws IllegalArgumentException if x and y have different numbers of columns
     */
    DMatrixRMaj gram(DMatrixRMaj x, DMatrixRMaj y);

    /** The kernel and its hyperparameters, as written into run configurations. */
    String describe();
}
