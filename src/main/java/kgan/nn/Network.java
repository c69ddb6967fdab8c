package kgan.nn;

import java.util.List;

import kgan.autodiff.Tensor;

/** A differentiable map of a batch (one point per row) with trainable parameters. */
public interface Network {

    /** The outputs for a batch, one row per input row. */
    Tensor forward(Tensor inputs);

    /** The parameters, in a fixed order that checkpoints and state vectors rely on. */
    List<Tensor> parameters();

    /** Σ of the parameters' entry counts. */
    default int parameterCount() {
        int count = 0;
        for (Tensor p : parameters()) {
            count += p.value().getNumElements();
        }
        return count;
    }
}
