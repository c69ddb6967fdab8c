package kgan.autodiff;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.ejml.data.DMatrixRMaj;

import kgan.linalg.Dense;

/**
 * Reverse-mode differentiation of a {@link Tensor} graph.
 *
 * <p>{@link #grad} returns gᵀ ∂y/∂x for each requested input x, accumulated over every path
 * from x to y. With {@code createGraph} the returned gradients are themselves graphs of
 * differentiable operations, so they can be differentiated again (Hessian-vector products,
 * Jacobians of gradient fields, gradient penalties). Without it the backward pass runs with
 * recording off and keeps no graph.
 *
 * <p>Recording is a per-thread switch, on by default; {@link #noGrad} turns it off for a
 * computation whose gradients are not wanted.
 */
public final class Autodiff {

    private static final ThreadLocal<int[]> PAUSED = ThreadLocal.withInitial(() -> new int[1]);

    private Autodiff() {
    }

    /** True when operations record their parents (the default). */
    public static boolean isRecording() {
        return PAUSED.get()[0] == 0;
    }

    /** Runs {@code body} with recording off: every tensor it makes is a constant. */
    public static <T> T noGrad(Supplier<T> body) {
        int[] paused = PAUSED.get();
        paused[0]++;
        try {
            return body.get();
        } finally {
            paused[0]--;
        }
    }

    /** Runs {@code body} with recording on, even inside {@link #noGrad}. */
    static <T> T withGrad(Supplier<T> body) {
        int[] paused = PAUSED.get();
        int saved = paused[0];
        paused[0] = 0;
        try {
            return body.get();
        } finally {
            paused[0] = saved;
        }
    }

    /** ∂y/∂x for a 1×1 output y and each x in {@code inputs}. */
    public static List<Tensor> grad(Tensor output, List<Tensor> inputs, boolean createGraph) {
        if (output.rows() != 1 || output.cols() != 1) {
            throw new IllegalArgumentException("grad: the output must be 1×1, got "
                    + Dense.shape(output.value()) + "; pass a seed for a vector output");
        }
        return grad(output, Tensor.scalar(1.0), inputs, createGraph);
    }

    /**
     * gᵀ ∂y/∂x for an output y, a seed g shaped like y, and each x in {@code inputs}. An input
     * that y does not depend on gets a zero gradient (a constant).
     */
    public static List<Tensor> grad(Tensor output, Tensor seed, List<Tensor> inputs,
            boolean createGraph) {
        Dense.requireSameShape("grad seed", output.value(), seed.value());
        Supplier<List<Tensor>> backward = () -> backward(output, seed, inputs);
        return createGraph ? withGrad(backward) : noGrad(backward);
    }

    private static List<Tensor> backward(Tensor output, Tensor seed, List<Tensor> inputs) {
        Set<Tensor> wanted = Collections.newSetFromMap(new IdentityHashMap<>());
        wanted.addAll(inputs);
        List<Tensor> order = topologicalOrder(output);
        Set<Tensor> reaches = nodesReaching(order, wanted);

        Map<Tensor, Tensor> grads = new IdentityHashMap<>();
        if (reaches.contains(output)) {
            grads.put(output, seed);
        }
        for (int k = order.size() - 1; k >= 0; k--) {
            Tensor node = order.get(k);
            Tensor g = grads.get(node);
            if (g == null || node.partial() == null) {
                continue;
            }
            Tensor[] parents = node.parents();
            for (int i = 0; i < parents.length; i++) {
                Tensor parent = parents[i];
                if (!reaches.contains(parent)) {
                    continue;
                }
                Tensor contribution = node.partial().apply(node, g, i);
                Tensor previous = grads.get(parent);
                grads.put(parent, previous == null ? contribution
                        : Ops.add(previous, contribution));
            }
            if (!wanted.contains(node)) {
                grads.remove(node);
            }
        }

        List<Tensor> result = new ArrayList<>(inputs.size());
        for (Tensor x : inputs) {
            Tensor g = grads.get(x);
            result.add(g != null ? g : Tensor.constant(new DMatrixRMaj(x.rows(), x.cols())));
        }
        return result;
    }

    /** The nodes that want gradients, each after all of its parents; the output last. */
    private static List<Tensor> topologicalOrder(Tensor output) {
        List<Tensor> order = new ArrayList<>();
        Set<Tensor> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Tensor> stack = new ArrayDeque<>();
        ArrayDeque<Integer> nextParent = new ArrayDeque<>();
        if (!output.requiresGrad()) {
            return order;
        }
        stack.push(output);
        nextParent.push(0);
        visited.add(output);
        while (!stack.isEmpty()) {
            Tensor node = stack.peek();
            int i = nextParent.pop();
            Tensor[] parents = node.parents();
            if (i < parents.length) {
                nextParent.push(i + 1);
                Tensor parent = parents[i];
                if (parent.requiresGrad() && visited.add(parent)) {
                    stack.push(parent);
                    nextParent.push(0);
                }
            } else {
                stack.pop();
                order.add(node);
            }
        }
        return order;
    }

    /** The nodes of {@code order} from which some wanted input can be reached. */
    private static Set<Tensor> nodesReaching(List<Tensor> order, Set<Tensor> wanted) {
        Set<Tensor> reaches = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Tensor node : order) {
            if (wanted.contains(node)) {
                reaches.add(node);
                continue;
            }
            for (Tensor parent : node.parents()) {
                if (reaches.contains(parent)) {
                    reaches.add(node);
                    break;
                }
            }
        }
        return reaches;
    }
}
