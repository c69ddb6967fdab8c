package kgan.autodiff;

import org.ejml.data.DMatrixRMaj;

import kgan.linalg.Dense;

/**
 * A node of a reverse-mode computation graph: a dense matrix value, the nodes it was computed
 * from, and for each of them the partial derivative rule of the operation that made it.
 *
 * <p>Leaves are either parameters (gradients are wanted) or constants. An operation's result
 * records its parents only while {@link Autodiff#isRecording() recording} is on and some
 * parent wants a gradient; otherwise it is a constant and the graph is not kept.
 */
public final class Tensor {

    /**
     * The vector-Jacobian product of one operation with respect to one of its inputs:
     * given the output and the gradient g of a scalar with respect to it, returns
     * gᵀ ∂output/∂parent, shaped like that parent. It is written with the differentiable
     * operations of {@link Ops}, so that under {@code createGraph} it is itself a graph.
     */
    @FunctionalInterface
    public interface Partial {
        Tensor apply(Tensor output, Tensor outputGrad, int parent);
    }

    private static final Tensor[] NO_PARENTS = new Tensor[0];

    private final DMatrixRMaj value;
    private final Tensor[] parents;
    private final Partial partial;
    private final boolean requiresGrad;
    private final String op;

    private Tensor(DMatrixRMaj value, Tensor[] parents, Partial partial, boolean requiresGrad,
            String op) {
        this.value = value;
        this.parents = parents;
        this.partial = partial;
        this.requiresGrad = requiresGrad;
        this.op = op;
    }

    /** A leaf whose gradient is wanted. Its value may be changed in place by an optimiser. */
    public static Tensor parameter(DMatrixRMaj value) {
        return new Tensor(value, NO_PARENTS, null, true, "parameter");
    }

    /** A leaf that no gradient flows into. */
    public static Tensor constant(DMatrixRMaj value) {
        return new Tensor(value, NO_PARENTS, null, false, "constant");
    }

    /** A 1×1 constant. */
    public static Tensor scalar(double value) {
        return constant(Dense.scalar(value));
    }

    /**
     * The result of an operation: records its parents and partial rule when recording is on
     * and some parent wants a gradient, and is a constant otherwise.
     */
    static Tensor result(String op, DMatrixRMaj value, Partial partial, Tensor... parents) {
        if (Autodiff.isRecording()) {
            for (Tensor p : parents) {
                if (p.requiresGrad) {
                    return new Tensor(value, parents, partial, true, op);
                }
            }
        }
        return new Tensor(value, NO_PARENTS, null, false, op);
    }

    /** The value. Callers must not change it unless this is a parameter. */
    public DMatrixRMaj value() {
        return value;
    }

    public int rows() {
        return value.numRows;
    }

    public int cols() {
        return value.numCols;
    }

    /** The single entry of a 1×1 tensor. */
    public double item() {
        if (value.getNumElements() != 1) {
            throw new IllegalStateException("item: expected a 1×1 tensor, got "
                    + Dense.shape(value));
        }
        return value.data[0];
    }

    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** The same value, cut from the graph. */
    public Tensor detach() {
        return constant(value);
    }

    Tensor[] parents() {
        return parents;
    }

    Partial partial() {
        return partial;
    }

    /** The name of the operation that made this tensor ("parameter", "constant", "matmul"…). */
    public String op() {
        return op;
    }

    @Override
    public String toString() {
        return op + " " + Dense.shape(value);
    }
}
