package kgan.game;

import static kgan.autodiff.Ops.add;
import static kgan.autodiff.Ops.logSigmoid;
import static kgan.autodiff.Ops.mean;
import static kgan.autodiff.Ops.neg;
import static kgan.autodiff.Ops.plus;
import static kgan.autodiff.Ops.relu;
import static kgan.autodiff.Ops.scale;
import static kgan.autodiff.Ops.square;
import static kgan.autodiff.Ops.sub;

import kgan.autodiff.Tensor;

/**
 * The adversarial part of the game. The discriminator ascends its objective; the generator
 * descends its loss. For the losses written with a concave f, the discriminator's objective
 * is the GAN value V = E_P f(D(x)) + E_Q f(−D(G(z))) (Goodfellow et al. 2014; Arjovsky et
 * al. 2017 for the Wasserstein f(t) = t).
 */
public enum GanLoss {

    /** f(t) = log σ(t); the generator descends V itself (saturating). */
    STANDARD(0.5, -0.25) {
        @Override
        public Tensor generatorLoss(Tensor fakeLogits) {
            return mean(logSigmoid(neg(fakeLogits)));
        }
    },

    /** f(t) = log σ(t); the generator descends −E f(D(G(z))) (non-saturating). */
    NON_SATURATING(0.5, -0.25) {
        @Override
        public Tensor generatorLoss(Tensor fakeLogits) {
            return neg(mean(logSigmoid(fakeLogits)));
        }
    },

    /** f(t) = t: V = E D(x) − E D(G(z)); the generator descends −E D(G(z)). */
    WASSERSTEIN(1.0, 0.0) {
        @Override
        public Tensor discriminatorObjective(Tensor realLogits, Tensor fakeLogits) {
            return sub(mean(realLogits), mean(fakeLogits));
        }

        @Override
        public Tensor generatorLoss(Tensor fakeLogits) {
            return neg(mean(fakeLogits));
        }
    },

    /**
     * Hinge (Lim and Ye 2017; Miyato et al. 2018): the discriminator ascends
     * −E max(0, 1 − D(x)) − E max(0, 1 + D(G(z))); the generator descends −E D(G(z)).
     * Not of the form of V, so it has no f'(0).
     */
    HINGE(Double.NaN, Double.NaN) {
        @Override
        public Tensor discriminatorObjective(Tensor realLogits, Tensor fakeLogits) {
            return neg(add(mean(relu(plus(neg(realLogits), 1.0))),
                    mean(relu(plus(fakeLogits, 1.0)))));
        }

        @Override
        public Tensor generatorLoss(Tensor fakeLogits) {
            return neg(mean(fakeLogits));
        }
    },

    /**
     * Least squares (Mao et al. 2017, labels 0 for generated and 1 for data): the
     * discriminator ascends −½ E (D(x) − 1)² − ½ E D(G(z))²; the generator descends
     * ½ E (D(G(z)) − 1)². Not of the form of V, so it has no f'(0).
     */
    LEAST_SQUARES(Double.NaN, Double.NaN) {
        @Override
        public Tensor discriminatorObjective(Tensor realLogits, Tensor fakeLogits) {
            Tensor real = mean(square(plus(realLogits, -1.0)));
            Tensor fake = mean(square(fakeLogits));
            return scale(add(real, fake), -0.5);
        }

        @Override
        public Tensor generatorLoss(Tensor fakeLogits) {
            return scale(mean(square(plus(fakeLogits, -1.0))), 0.5);
        }
    };

    private final double fPrimeAtZero;
    private final double fSecondAtZero;

    GanLoss(double fPrimeAtZero, double fSecondAtZero) {
        this.fPrimeAtZero = fPrimeAtZero;
        this.fSecondAtZero = fSecondAtZero;
    }

    /**
     * What the discriminator ascends, from its logits on a data batch (n×1) and on a
     * generated batch (n'×1). By default V = mean f(D(x)) + mean f(−D(G(z))) with
     * f = log σ.
     */
    public Tensor discriminatorObjective(Tensor realLogits, Tensor fakeLogits) {
        return add(mean(logSigmoid(realLogits)),
                mean(logSigmoid(neg(fakeLogits))));
    }

    /** What the generator descends, from the discriminator's logits on its batch. */
    public abstract Tensor generatorLoss(Tensor fakeLogits);

    /** f'(0) of the value's f; NaN for losses not of that form. */
    public double fPrimeAtZero() {
        return fPrimeAtZero;
    }

    /** f''(0) of the value's f; NaN for losses not of that form. */
    public double fSecondAtZero() {
        return fSecondAtZero;
    }

    /** The loss as it is named on the command line: "non-saturating", "wasserstein"… */
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
