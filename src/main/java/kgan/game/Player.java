package kgan.game;

/** The players of the kernel-guided game, in the order of the stacked state (ψ, θ, W). */
public enum Player {
    DISCRIMINATOR, GENERATOR, WITNESSES
}
