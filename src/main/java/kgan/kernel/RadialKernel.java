package kgan.kernel;

import org.ejml.data.DMatrixRMaj;

import kgan.autodiff.Ops;
import kgan.autodiff.Tensor;
import kgan.linalg.Dense;

/**
 * A kernel k(x, y) = κ(t) of the squared distance t = ‖x − y‖², which every implementation
 * here is. Subclasses give the profile κ twice: on a tensor (differentiable) and on a number
 * (for the plain Gram matrix); the tests check that the two agree.
 */
abstract class RadialKernel implements Kernel {

    /** κ applied entry by entry to a tensor of squared distances. */
    abstract Tensor profile(Tensor squaredDistances);

    /** κ(t) for one squared distance t ≥ 0. */
    abstract double profile(double squaredDistance);

    @Override
    public final Tensor gram(Tensor x, Tensor y) {
        requireSameDimension(x.value(), y.value());
        return profileOfDistances(x, y);
    }

    /** κ(‖x_i − y_j‖²) as a tensor; a kernel with one fused op for it overrides this. */
    Tensor profileOfDistances(Tensor x, Tensor y) {
        return profile(Ops.squaredDistances(x, y));
    }

    @Override
    public final DMatrixRMaj gram(DMatrixRMaj x, DMatrixRMaj y) {
        requireSameDimension(x, y);
        return profileOfDistances(x, y);
    }

    /** κ(‖x_i − y_j‖²) as a plain matrix; a kernel with a faster way overrides this. */
    DMatrixRMaj profileOfDistances(DMatrixRMaj x, DMatrixRMaj y) {
        DMatrixRMaj k = Ops.squaredDistances(x, y);

        int size = k.getNumElements();
        for (int e = 0; e < size; e++) {
            k.data[e] = profile(k.data[e]);
        }
        return k;
    }

    private void requireSameDimension(DMatrixRMaj x, DMatrixRMaj y) {
        if (x.numCols != y.numCols) {
            throw new IllegalArgumentException(describe() + ".gram: x is " + Dense.shape(x)
                    + " and y is " + Dense.shape(y)
                    + "; expected rows of both to be points of the same dimension");
        }
    }

    /** Returns value if it is positive and finite, and otherwise names it and throws. */
    static double requirePositiveFinite(String owner, String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(owner + ": " + name + " = " + value
                    + "; expected a positive, finite number");
        }
        return value;
    }

    @Override
    public String toString() {
        return describe();
    }
}
