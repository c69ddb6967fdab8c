package kgan.kernel;

import org.ejml.data.DMatrixRMaj;

import kgan.autodiff.Ops;
import kgan.autodiff.Tensor;

/**
 * The Gaussian kernel k(x, y) = exp(−‖x − y‖² / (2σ²)) with bandwidth σ. Its values lie in
 * (0, 1], with k(x, x) = 1.
 */
public final class GaussianKernel extends RadialKernel {

    /** σ, the length scale over which two points stop looking alike. */
    private final double bandwidth;

    /**
     * @param bandwidth σ &gt; 0, finite
     * @throws IllegalArgumentException naming the bandwidth if it is not positive and finite
     */
    public GaussianKernel(double bandwidth) {
        this.bandwidth = requirePositiveFinite("GaussianKernel", "bandwidth", bandwidth);
    }

    public double bandwidth() {
        return bandwidth;
    }

    /** exp(−t / (2σ²)). */
    @Override
    Tensor profile(Tensor squaredDistances) {
        return Ops.exp(Ops.scale(squaredDistances, -0.5 / (bandwidth * bandwidth)));
    }

    /** The fused op: exp(−D/(2σ²)) in one pass, its partial the same chain as above. */
    @Override
    Tensor profileOfDistances(Tensor x, Tensor y) {
        return Ops.gaussianGram(x, y, bandwidth);
    }

    @Override
    DMatrixRMaj profileOfDistances(DMatrixRMaj x, DMatrixRMaj y) {
        return Ops.gaussianGram(x, y, bandwidth);
    }

    @Override
    double profile(double squaredDistance) {
        return Math.exp(-0.5 / (bandwidth * bandwidth) * squaredDistance);
    }

    @Override
    public String describe() {
        return "gaussian(bandwidth=" + bandwidth + ")";
    }
}
