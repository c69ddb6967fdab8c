package kgan.game;

import kgan.autodiff.Tensor;

/**
 * The random inputs of one evaluation of the game: a data batch X (n×d), a latent batch
 * Z (n'×m), and, for the gradient penalty only, the mixing weights ε (n×1) of the points
 * ε x + (1 − ε) G(z) at which it is taken (null when no penalty is used).
 */
public record Batch(Tensor data, Tensor latent, Tensor mixing) {

    public Batch(Tensor data, Tensor latent) {
        this(data, latent, null);
    }
}
