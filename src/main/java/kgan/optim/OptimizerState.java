package kgan.optim;

import java.util.List;

import org.ejml.data.DMatrixRMaj;

/**
 * An optimiser's whole state: the number of steps taken and its buffers, grouped by kind and
 * in parameter order within a kind (for Adam: m_1, …, m_k, then s_1, …, s_k). The buffers are
 * copied in, so later steps of the optimiser do not change a saved state.
 *
 * @param step the number of steps taken (t in Adam's bias correction)
 * @param buffers the per-parameter buffers, each shaped like its parameter
 */
public record OptimizerState(long step, List<DMatrixRMaj> buffers) {

    public OptimizerState {
        if (step < 0) {
            throw new IllegalArgumentException("OptimizerState: step must be ≥ 0, got " + step);
        }
        buffers = buffers.stream().map(DMatrixRMaj::copy).toList();
    }
}
