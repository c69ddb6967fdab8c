package kgan.optim;

import java.util.List;

import org.ejml.data.DMatrixRMaj;

import kgan.autodiff.Tensor;

/**
 * Stochastic gradient play with heavy-ball momentum (Polyak, "Some methods of speeding up the
 * convergence of iteration methods", 1964), moving along the velocity v:
 * b_t = μ b_{t−1} + v_t with b_0 = 0, then θ_t = θ_{t−1} + η b_t.
 * With μ = 0 this is the Euler step θ_t = θ_{t−1} + η v_t of the game's flow.
 *
 * <p>State: one buffer per parameter, the momentum b.
 */
public final class Sgd extends BufferedOptimizer {

    /** η: the step size; with μ = 0, the Euler step h of the flow. Positive. */
    private final double learningRate;

    /** μ: the fraction of the previous step's direction kept in the next one. In [0, 1). */
    private final double momentum;

    public Sgd(double learningRate, double momentum) {
        super("Sgd", List.of("momentum"));
        this.learningRate = requirePositive("Sgd", "learningRate", learningRate);
        this.momentum = requireUnitInterval("Sgd", "momentum", momentum);
    }

    @Override
    void update(long step, List<Tensor> parameters, List<DMatrixRMaj> velocity) {
        for (int k = 0; k < parameters.size(); k++) {
            double[] theta = parameters.get(k).value().data;
            double[] v = velocity.get(k).data;
            DMatrixRMaj buffer = buffer(0, k);
            double[] b = buffer.data;
            int n = buffer.getNumElements();
            for (int i = 0; i < n; i++) {
                b[i] = momentum * b[i] + v[i];
                theta[i] += learningRate * b[i];
            }
        }
    }

    public double learningRate() {
        return learningRate;
    }

    public double momentum() {
        return momentum;
    }

    @Override
    public String toString() {
        return "Sgd(learningRate " + learningRate + ", momentum " + momentum + ")";
    }
}
