package kgan.game;

import kgan.autodiff.Tensor;

/**
 * The random inputs of one evaluation of the game: a data batch X (n×d), a latent batch
 * Z (n'×m), and, for the gradient penalty only, the mixing weights ε (n×1) of the points
 * ε x + (1 − ε) G(z) at which it is taken (null when no penalty is used).
 *
 * <p>{@code generated} is G(z) with its graph, made by {@link KernelGuidedGame#generate} so
 * that several evaluations of the field at the same generator parameters share one forward
 * pass; null (the usual case) lets the field compute it.
 */
public record Batch(Tensor data, Tensor latent, Tensor mixing, Tensor generated) {

    public Batch(Tensor data, Tensor latent, Tensor mixing) {
        this(data, latent, mixing, null);
    }

    public Batch(Tensor data, Tensor latent) {
        this(data, latent, null, null);
    }

    /** The same inputs with G(z) already computed. */
    public Batch withGenerated(Tensor generatedPoints) {
        return new Batch(data, latent, mixing, generatedPoints);
    }
}
