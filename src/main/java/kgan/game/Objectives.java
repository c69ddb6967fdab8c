package kgan.game;

/**
 * The values of the players' objectives at one evaluation of the game; NaN where a value
 * was not computed.
 *
 * @param discriminator what the discriminator ascends (the GAN value, less any penalty)
 * @param adversarial   the adversarial part of the generator's loss
 * @param mmd2          MMD²(P, Q_θ) on the batch
 * @param local         Λ(P, Q_θ; W) on the batch
 * @param generator     the generator's whole loss L_G
 */
public record Objectives(double discriminator, double adversarial, double mmd2, double local,
        double generator) {

    /** The first player whose objective is not finite, or null. */
    public Player firstNonFinite() {
        if (!Double.isFinite(discriminator)) {
            return Player.DISCRIMINATOR;
        }
        if (!Double.isFinite(generator) || !Double.isFinite(adversarial)) {
            return Player.GENERATOR;
        }
        if (!Double.isNaN(local) && !Double.isFinite(local)) {
            return Player.WITNESSES;
        }
        return null;
    }
}
