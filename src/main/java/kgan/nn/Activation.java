package kgan.nn;

import kgan.autodiff.Ops;
import kgan.autodiff.Tensor;

/** The element-wise nonlinearities a layer may apply, each through its {@link Ops}. */
public enum Activation {

    /** a(t) = t. */
    IDENTITY,

    /** a(t) = max(t, 0). */
    RELU,

    /** a(t) = t for t > 0, 0.2 t otherwise. */
    LEAKY_RELU,

    /** a(t) = tanh(t). */
    TANH,

    /** a(t) = 1 / (1 + e^(−t)). */
    SIGMOID,

    /** a(t) = log(1 + e^t). */
    SOFTPLUS;

    /** The negative-side slope of {@link #LEAKY_RELU}. */
    public static final double LEAKY_SLOPE = 0.2;

    /** a applied to every entry of x. */
    public Tensor apply(Tensor x) {
        return switch (this) {
            case IDENTITY -> x;
            case RELU -> Ops.relu(x);
            case LEAKY_RELU -> Ops.leakyRelu(x, LEAKY_SLOPE);
            case TANH -> Ops.tanh(x);
            case SIGMOID -> Ops.sigmoid(x);
            case SOFTPLUS -> Ops.softplus(x);
        };
    }
}
