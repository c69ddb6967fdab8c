package kgan.nn;

import java.util.Arrays;
import java.util.List;

import org.ejml.data.DMatrixRMaj;

import kgan.autodiff.Ops;
import kgan.autodiff.Tensor;
import kgan.linalg.Dense;
import kgan.linalg.Rng;

/**
 * An affine layer on a batch of row vectors: Y = X W + 1 bᵀ, with X n×in, the weight W in×out
 * and the bias b stored as a 1×out row.
 */
public final class Linear {

    private final Tensor weight;
    private final Tensor bias;

    /**
     * A layer whose weight is drawn by {@code init} from {@code rng} and whose bias is zero.
     * The bias is a new array even inside a workspace's run, since parameters outlive it.
     */
    public Linear(int in, int out, Init init, Rng rng) {
        this(Tensor.parameter(init.weight(in, out, rng)),
                Tensor.parameter(new DMatrixRMaj(1, out)));
    }

    /**
     * A layer on given tensors (parameters, or any tensors to differentiate through).
     * weight: in×out; bias: 1×out. Neither is copied.
     */
    public Linear(Tensor weight, Tensor bias) {
        if (bias.rows() != 1 || bias.cols() != weight.cols()) {
            throw new IllegalArgumentException("Linear: the bias must be 1×" + weight.cols()
                    + " for a weight of shape " + Dense.shape(weight.value()) + ", got "
                    + Dense.shape(bias.value()));
        }
        this.weight = weight;
        this.bias = bias;
    }

    /** Y = X W + 1 bᵀ for the n×in batch X. */
    public Tensor forward(Tensor x) {
        if (x.cols() != weight.rows()) {
            throw new IllegalArgumentException("Linear.forward: input of shape "
                    + Dense.shape(x.value()) + " does not fit a weight of shape "
                    + Dense.shape(weight.value()) + " (input columns must equal weight rows)");
        }
        return Ops.addRow(Ops.matmul(x, weight), bias);
    }

    /** The weight W (in×out), then the bias b (1×out). */
    public List<Tensor> parameters() {
        return List.of(weight, bias);
    }

    public Tensor weight() {
        return weight;
    }

    public Tensor bias() {
        return bias;
    }

    public int inputs() {
        return weight.rows();
    }

    public int outputs() {
        return weight.cols();
    }

    /** Sets the weight and bias to zero in place (a flat output layer: D ≡ 0). */
    public void zero() {
        DMatrixRMaj w = weight.value();
        DMatrixRMaj b = bias.value();
        Arrays.fill(w.data, 0, w.getNumElements(), 0.0);
        Arrays.fill(b.data, 0, b.getNumElements(), 0.0);
    }

    @Override
    public String toString() {
        return "Linear(" + inputs() + " → " + outputs() + ")";
    }
}
