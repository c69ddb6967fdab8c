package kgan.optim;

import java.util.ArrayList;
import java.util.List;

import org.ejml.data.DMatrixRMaj;

import kgan.autodiff.Tensor;
import kgan.linalg.Dense;

/**
 * The bookkeeping shared by optimisers that keep, for each parameter, a fixed number of
 * buffers shaped like it: shape checks, lazy allocation on the first step, the step count,
 * and export and restore of the state.
 */
abstract class BufferedOptimizer implements Optimizer {

    private final String name;
    private final List<String> bufferNames;
    private DMatrixRMaj[] buffers;
    private int parameterCount;
    private long steps;

    /** bufferNames: one name per kind of buffer, used in error messages ("m", "s"). */
    BufferedOptimizer(String name, List<String> bufferNames) {
        this.name = name;
        this.bufferNames = List.copyOf(bufferNames);
    }

    /** Updates every parameter for step number {@code step} (1 on the first call). */
    abstract void update(long step, List<Tensor> parameters, List<DMatrixRMaj> velocity);

    /** The buffer of the given kind for parameter k. */
    final DMatrixRMaj buffer(int kind, int k) {
        return buffers[kind * parameterCount + k];
    }

    @Override
    public final void step(List<Tensor> parameters, List<DMatrixRMaj> velocity) {
        if (velocity.size() != parameters.size()) {
            throw new IllegalArgumentException(name + ": " + parameters.size()
                    + " parameters but " + velocity.size() + " velocities");
        }
        for (int k = 0; k < parameters.size(); k++) {
            DMatrixRMaj theta = parameters.get(k).value();
            DMatrixRMaj v = velocity.get(k);
            if (v.numRows != theta.numRows || v.numCols != theta.numCols) {
                throw new IllegalArgumentException(name + ": velocity " + k + " has shape "
                        + Dense.shape(v) + ", expected " + Dense.shape(theta)
                        + " (the shape of parameter " + k + ")");
            }
        }
        if (buffers == null) {
            allocate(parameters);
        } else {
            requireShapes(buffers, parameters);
        }

        steps++;
        update(steps, parameters, velocity);
    }

    private void allocate(List<Tensor> parameters) {
        parameterCount = parameters.size();
        buffers = new DMatrixRMaj[bufferNames.size() * parameterCount];
        for (int kind = 0; kind < bufferNames.size(); kind++) {
            for (int k = 0; k < parameterCount; k++) {
                DMatrixRMaj theta = parameters.get(k).value();
                buffers[kind * parameterCount + k] = new DMatrixRMaj(theta.numRows,
                        theta.numCols);
            }
        }
    }

    /** Throws unless the buffers are as many and shaped as the parameters require. */
    private void requireShapes(DMatrixRMaj[] candidate, List<Tensor> parameters) {
        int expected = bufferNames.size() * parameters.size();
        if (candidate.length != expected) {
            throw new IllegalArgumentException(name + ": expected " + expected + " state "
                    + "buffers (" + String.join(", ", bufferNames) + " for each of "
                    + parameters.size() + " parameters), found " + candidate.length);
        }
        for (int i = 0; i < candidate.length; i++) {
            int k = i % parameters.size();
            DMatrixRMaj theta = parameters.get(k).value();
            DMatrixRMaj b = candidate[i];
            if (b.numRows != theta.numRows || b.numCols != theta.numCols) {
                throw new IllegalArgumentException(name + ": state buffer "
                        + bufferNames.get(i / parameters.size()) + " of parameter " + k
                        + " has shape " + Dense.shape(b) + ", expected " + Dense.shape(theta)
                        + " (the parameter's shape)");
            }
        }
    }

    @Override
    public final OptimizerState state() {
        List<DMatrixRMaj> copies = buffers == null ? List.of() : List.of(buffers);
        return new OptimizerState(steps, copies);
    }

    @Override
    public final void restore(OptimizerState state) {
        DMatrixRMaj[] restored = state.buffers().stream().map(DMatrixRMaj::copy)
                .toArray(DMatrixRMaj[]::new);
        if (restored.length == 0 && state.step() == 0) {
            buffers = null;
            steps = 0;
            return;
        }
        if (restored.length % bufferNames.size() != 0) {
            throw new IllegalArgumentException(name + ": a state needs "
                    + String.join(" and ", bufferNames) + " for each parameter, so a multiple "
                    + "of " + bufferNames.size() + " buffers; found " + restored.length);
        }
        if (buffers != null) {
            List<Tensor> shapes = new ArrayList<>();
            for (int k = 0; k < parameterCount; k++) {
                shapes.add(Tensor.constant(buffers[k]));
            }
            requireShapes(restored, shapes);
        }

        buffers = restored;
        parameterCount = restored.length / bufferNames.size();
        steps = state.step();
    }

    @Override
    public final void restore(OptimizerState state, List<Tensor> parameters) {
        DMatrixRMaj[] candidate = state.buffers().toArray(DMatrixRMaj[]::new);
        if (candidate.length > 0 || state.step() > 0) {
            requireShapes(candidate, parameters);
        }
        buffers = null;
        restore(state);
    }

    /** Throws unless {@code value} is positive and finite. */
    static double requirePositive(String optimizer, String hyperparameter, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(optimizer + ": " + hyperparameter
                    + " must be positive and finite, got " + value);
        }
        return value;
    }

    /** Throws unless 0 ≤ value < 1. */
    static double requireUnitInterval(String optimizer, String hyperparameter, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(optimizer + ": " + hyperparameter
                    + " must be in [0, 1), got " + value);
        }
        return value;
    }
}
