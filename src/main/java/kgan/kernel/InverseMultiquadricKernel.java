package kgan.kernel;

import kgan.autodiff.Ops;
import kgan.autodiff.Tensor;

/**
 * The inverse multiquadric kernel k(x, y) = (c² + ‖x − y‖²)^(−1/2). Its values lie in
 * (0, 1/c], with k(x, x) = 1/c; its tails are heavy, so far-apart points still see each
 * other's gradient.
 */
public final class InverseMultiquadricKernel extends RadialKernel {

    /** c, the distance below which the kernel is nearly flat. */
    private final double c;

    /**
     * @param c c &gt; 0, finite
     * @throws IllegalArgumentException naming c if it is not positive and finite
     */
    public InverseMultiquadricKernel(double c) {
        this.c = requirePositiveFinite("InverseMultiquadricKernel", "c", c);
    }

    public double c() {
        return c;
    }

    /** (c² + t)^(−1/2); c² + t ≥ c² &gt; 0, so the power is smooth everywhere. */
    @Override
    Tensor profile(Tensor squaredDistances) {
        return Ops.pow(Ops.plus(squaredDistances, c * c), -0.5);
    }

    @Override
    double profile(double squaredDistance) {
        return Math.pow(squaredDistance + c * c, -0.5);
    }

    @Override
    public String describe() {
        return "inverseMultiquadric(c=" + c + ")";
    }
}
