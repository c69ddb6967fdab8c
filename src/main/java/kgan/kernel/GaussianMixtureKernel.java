package kgan.kernel;

import java.util.Arrays;

import kgan.autodiff.Ops;
import kgan.autodiff.Tensor;

/**
 * The mean of Gaussian kernels over several bandwidths σ_1, …, σ_K:
 * k(x, y) = (1/K) Σ_k exp(−‖x − y‖² / (2σ_k²)).
 *
 * <p>The mean rather than the sum, so that k(x, x) = 1 and the values lie in (0, 1] whatever
 * K is: the weights λ_g and λ_l of the guided game then mean the same thing for one
 * bandwidth or several, and the Hoeffding bounds used for Gaussian kernels still apply.
 */
public final class GaussianMixtureKernel extends RadialKernel {

    /** σ_1, …, σ_K: the length scales the kernel looks at, at once. */
    private final double[] bandwidths;

    /**
     * @param bandwidths at least one σ_k, each positive and finite
     * @throws IllegalArgumentException if none is given, or naming the first bandwidth that
     *     is not positive and finite
     */
    public GaussianMixtureKernel(double... bandwidths) {
        if (bandwidths == null || bandwidths.length == 0) {
            throw new IllegalArgumentException("GaussianMixtureKernel: no bandwidths given; "
                    + "expected at least one positive, finite bandwidth");
        }
        this.bandwidths = bandwidths.clone();
        for (int k = 0; k < bandwidths.length; k++) {
            requirePositiveFinite("GaussianMixtureKernel", "bandwidths[" + k + "]",
                    bandwidths[k]);
        }
    }

    /** A copy of σ_1, …, σ_K. */
    public double[] bandwidths() {
        return bandwidths.clone();
    }

    /** (1/K) Σ_k exp(−t / (2σ_k²)). */
    @Override
    Tensor profile(Tensor squaredDistances) {
        Tensor total = null;
        for (double bandwidth : bandwidths) {
            Tensor term = Ops.exp(Ops.scale(squaredDistances, -0.5 / (bandwidth * bandwidth)));
            total = total == null ? term : Ops.add(total, term);
        }
        return Ops.scale(total, 1.0 / bandwidths.length);
    }

    @Override
    double profile(double squaredDistance) {
        double total = 0;
        for (double bandwidth : bandwidths) {
            total += Math.exp(-0.5 / (bandwidth * bandwidth) * squaredDistance);
        }
        return total * (1.0 / bandwidths.length);
    }

    @Override
    public String describe() {
        return "gaussianMixture(bandwidths=" + Arrays.toString(bandwidths) + ")";
    }
}
