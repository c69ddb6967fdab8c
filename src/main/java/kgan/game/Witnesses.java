package kgan.game;

import java.util.List;

import org.ejml.data.DMatrixRMaj;

import kgan.autodiff.Ops;
import kgan.autodiff.Tensor;
import kgan.kernel.Discrepancy;

/**
 * The witness points W = {v_1, …, v_J} of the local discrepancy and their weights a_j ≥ 0.
 * Fixed points carry prior knowledge and never move; learned points ascend the local
 * discrepancy. The points are the fixed ones first, then the learned ones.
 */
public final class Witnesses {

    private final Tensor fixed;
    private final Tensor learned;
    private final double[] weights;

    /**
     * @param fixed   J_f×d fixed points, or a 0×d matrix. Not modified.
     * @param learned J_l×d initial learned points, or a 0×d matrix; becomes a parameter.
     * @param weights J = J_f + J_l weights a_j ≥ 0, or null for a_j = 1/J. Not modified.
     */
    public Witnesses(DMatrixRMaj fixed, DMatrixRMaj learned, double[] weights) {
        if (fixed.numCols != learned.numCols) {
            throw new IllegalArgumentException("witnesses: fixed points have dimension "
                    + fixed.numCols + ", learned points " + learned.numCols);
        }
        int count = fixed.numRows + learned.numRows;
        double[] a = weights != null ? weights.clone() : Discrepancy.uniformWeights(count);
        if (a.length != count) {
            throw new IllegalArgumentException("witnesses: " + a.length + " weights for "
                    + count + " points");
        }
        for (int j = 0; j < count; j++) {
            if (!(a[j] >= 0) || !Double.isFinite(a[j])) {
                throw new IllegalArgumentException("witness weight " + (j + 1) + " is "
                        + a[j] + "; expected a finite number ≥ 0");
            }
        }
        this.fixed = Tensor.constant(fixed.copy());
        this.learned = Tensor.parameter(learned.copy());
        this.weights = a;
    }

    /** All points, fixed then learned, as one J×d tensor. */
    public Tensor points() {
        if (fixed.rows() == 0) {
            return learned;
        }
        if (learned.rows() == 0) {
            return fixed;
        }
        return Ops.concatRows(fixed, learned);
    }

    /** The learned points: the witness player's parameters (empty when all are fixed). */
    public List<Tensor> parameters() {
        return learned.rows() == 0 ? List.of() : List.of(learned);
    }

    /** The fixed points, J_f×d. */
    public DMatrixRMaj fixedPoints() {
        return fixed.value();
    }

    /** The learned points as they are now, J_l×d. */
    public DMatrixRMaj learnedPoints() {
        return learned.value();
    }

    /** The weights a_j (a copy). */
    public double[] weights() {
        return weights.clone();
    }

    public int count() {
        return fixed.rows() + learned.rows();
    }

    public int fixedCount() {
        return fixed.rows();
    }

    public int dimension() {
        return fixed.cols();
    }
}
