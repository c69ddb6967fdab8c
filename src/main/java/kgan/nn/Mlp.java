package kgan.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import kgan.autodiff.Ops;
import kgan.autodiff.Tensor;
import kgan.linalg.Dense;
import kgan.linalg.Rng;

/**
 * A multilayer perceptron on a batch of row vectors:
 * h_0 = s X, h_k = a(h_{k−1} W_k + 1 b_kᵀ) for the hidden layers, and
 * f(X) = a_out(h_{L−1} W_L + 1 b_Lᵀ), with s the input scale, a the hidden activation and
 * a_out the output activation.
 *
 * <p>The input scale lets a network see rescaled data without a separate preprocessing step:
 * the ring protocol's discriminator is applied to x/4, that is inputScale = 0.25.
 */
public final class Mlp implements Network {

    private final List<Linear> layers;
    private final Activation hidden;
    private final Activation output;
    private final double inputScale;

    /**
     * An MLP with layer widths (input, hidden…, output), e.g. [2, 128, 1], weights drawn by
     * {@code init} layer after layer from {@code rng}, biases zero and input scale 1.
     */
    public Mlp(List<Integer> widths, Activation hidden, Activation output, Init init, Rng rng) {
        this(widths, hidden, output, 1.0, init, rng);
    }

    /** As {@link #Mlp(List, Activation, Activation, Init, Rng)}, with input scale s. */
    public Mlp(List<Integer> widths, Activation hidden, Activation output, double inputScale,
            Init init, Rng rng) {
        this(layers(widths, init, rng), hidden, output, inputScale);
    }

    /**
     * An MLP on given layers (not copied), each taking as many inputs as the previous one
     * gives.
     */
    public Mlp(List<Linear> layers, Activation hidden, Activation output, double inputScale) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("Mlp: needs at least one layer");
        }
        for (int k = 1; k < layers.size(); k++) {
            Linear before = layers.get(k - 1);
            Linear after = layers.get(k);
            if (before.outputs() != after.inputs()) {
                throw new IllegalArgumentException("Mlp: layer " + (k + 1) + " has a weight of "
                        + "shape " + Dense.shape(after.weight().value()) + " but layer " + k
                        + " gives " + before.outputs() + " outputs (weight "
                        + Dense.shape(before.weight().value()) + ")");
            }
        }
        if (!Double.isFinite(inputScale) || inputScale == 0) {
            throw new IllegalArgumentException("Mlp: inputScale must be finite and non-zero, "
                    + "got " + inputScale);
        }
        this.layers = List.copyOf(layers);
        this.hidden = hidden;
        this.output = output;
        this.inputScale = inputScale;
    }

    private static List<Linear> layers(List<Integer> widths, Init init, Rng rng) {
        if (widths.size() < 2) {
            throw new IllegalArgumentException("Mlp: widths must list the input and output "
                    + "sizes at least, got " + widths);
        }
        List<Linear> layers = new ArrayList<>();
        for (int k = 1; k < widths.size(); k++) {
            layers.add(new Linear(widths.get(k - 1), widths.get(k), init, rng));
        }
        return layers;
    }

    /** f(X) for the n×in batch X; an n×out result. */
    public Tensor forward(Tensor x) {
        Tensor h = inputScale == 1.0 ? x : Ops.scale(x, inputScale);
        int last = layers.size() - 1;
        for (int k = 0; k <= last; k++) {
            h = layers.get(k).forward(h);
            h = (k < last ? hidden : output).apply(h);
        }
        return h;
    }

    /** W_1, b_1, W_2, b_2, …, W_L, b_L: each layer's weight (in×out), then its bias (1×out). */
    public List<Tensor> parameters() {
        List<Tensor> parameters = new ArrayList<>(2 * layers.size());
        for (Linear layer : layers) {
            parameters.addAll(layer.parameters());
        }
        return Collections.unmodifiableList(parameters);
    }

    /** Σ_k (in_k · out_k + out_k), the number of scalar parameters. */
    public int parameterCount() {
        int count = 0;
        for (Linear layer : layers) {
            count += (layer.inputs() + 1) * layer.outputs();
        }
        return count;
    }

    /** The widths (input, hidden…, output). */
    public List<Integer> widths() {
        List<Integer> widths = new ArrayList<>();
        widths.add(layers.get(0).inputs());
        for (Linear layer : layers) {
            widths.add(layer.outputs());
        }
        return Collections.unmodifiableList(widths);
    }

    public List<Linear> layers() {
        return layers;
    }

    public Activation hidden() {
        return hidden;
    }

    public Activation output() {
        return output;
    }

    public double inputScale() {
        return inputScale;
    }

    @Override
    public String toString() {
        return "Mlp(widths " + widths() + ", hidden " + hidden + ", output " + output
                + ", inputScale " + inputScale + ")";
    }
}
