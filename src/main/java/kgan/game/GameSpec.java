package kgan.game;

import kgan.kernel.Kernel;

/**
 * The settings that define the kernel-guided game's vector field.
 *
 * @param loss                the adversarial loss
 * @param kernel              the kernel of both control signals
 * @param lambdaGlobal        λ_g, the weight of MMD²(P, Q_θ) in the generator's loss
 * @param lambdaLocal         λ_l, the weight of the local discrepancy Λ(P, Q_θ; W)
 * @param unbiasedMmd         the U-statistic for MMD² instead of the V-statistic
 * @param normalisedLocal     Λ with each squared witness value divided by its variance
 *                            (the per-location variant of the ME-test statistic)
 *                            instead of the plain weighted sum
 * @param normalisationGamma  γ > 0 added to each witness variance in the normalised Λ
 * @param witnessRate         η, the time scale of the witness points' ascent
 * @param gradientPenalty     the WGAN-GP weight (Gulrajani et al. 2017); 0 for none
 * @param gradientNormPenalty the weight of ‖∇_ψ V‖² in the generator's loss, the
 *                            regulariser of Nagarajan and Kolter (2017); 0 for none
 */
public record GameSpec(GanLoss loss, Kernel kernel, double lambdaGlobal, double lambdaLocal,
        boolean unbiasedMmd, boolean normalisedLocal, double normalisationGamma,
        double witnessRate,
        double gradientPenalty, double gradientNormPenalty) {

    public GameSpec {
        requireNonNegative("lambdaGlobal", lambdaGlobal);
        requireNonNegative("lambdaLocal", lambdaLocal);
        requireNonNegative("witnessRate", witnessRate);
        requireNonNegative("normalisationGamma", normalisationGamma);
        requireNonNegative("gradientPenalty", gradientPenalty);
        requireNonNegative("gradientNormPenalty", gradientNormPenalty);
    }

    /** A game with kernel guidance and no penalties. */
    public static GameSpec guided(GanLoss loss, Kernel kernel, double lambdaGlobal,
            double lambdaLocal) {
        return new GameSpec(loss, kernel, lambdaGlobal, lambdaLocal, false, false, 1e-3, 1.0,
                0, 0);
    }

    private static void requireNonNegative(String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " is " + value
                    + "; expected a finite number ≥ 0");
        }
    }
}
