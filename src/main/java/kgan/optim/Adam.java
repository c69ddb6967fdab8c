package kgan.optim;

import java.util.List;

import org.ejml.data.DMatrixRMaj;

import kgan.autodiff.Tensor;

/**
 * Adam (Kingma and Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015), moving along
 * the velocity v rather than against a gradient:
 * m_t = β₁ m_{t−1} + (1 − β₁) v_t, s_t = β₂ s_{t−1} + (1 − β₂) v_t ⊙ v_t (m_0 = s_0 = 0),
 * m̂_t = m_t / (1 − β₁^t), ŝ_t = s_t / (1 − β₂^t), θ_t = θ_{t−1} + η m̂_t ⊘ (√ŝ_t + ε).
 *
 * <p>State: two buffers per parameter, m (first moment) then s (second moment), and t.
 */
public final class Adam extends BufferedOptimizer {

    /** η: the step size; each coordinate moves about η per step at most. Positive. */
    private final double learningRate;

    /** β₁: the decay of the running mean m of the velocity. In [0, 1). */
    private final double betaOne;

    /** β₂: the decay of the running mean s of the squared velocity. In [0, 1). */
    private final double betaTwo;

    /** ε: added to √ŝ so that a coordinate with zero velocity does not divide by zero. */
    private final double epsilon;

    public Adam(double learningRate, double betaOne, double betaTwo, double epsilon) {
        super("Adam", List.of("m", "s"));
        this.learningRate = requirePositive("Adam", "learningRate", learningRate);
        this.betaOne = requireUnitInterval("Adam", "betaOne", betaOne);
        this.betaTwo = requireUnitInterval("Adam", "betaTwo", betaTwo);
        this.epsilon = requirePositive("Adam", "epsilon", epsilon);
    }

    @Override
    void update(long step, List<Tensor> parameters, List<DMatrixRMaj> velocity) {
        double firstCorrection = 1.0 / (1.0 - Math.pow(betaOne, step));
        double secondCorrection = 1.0 / (1.0 - Math.pow(betaTwo, step));

        for (int k = 0; k < parameters.size(); k++) {
            double[] theta = parameters.get(k).value().data;
            double[] v = velocity.get(k).data;
            DMatrixRMaj first = buffer(0, k);
            double[] m = first.data;
            double[] s = buffer(1, k).data;
            int n = first.getNumElements();
            for (int i = 0; i < n; i++) {
                m[i] = betaOne * m[i] + (1 - betaOne) * v[i];
                s[i] = betaTwo * s[i] + (1 - betaTwo) * v[i] * v[i];
                double mHat = m[i] * firstCorrection;
                double sHat = s[i] * secondCorrection;
                theta[i] += learningRate * mHat / (Math.sqrt(sHat) + epsilon);
            }
        }
    }

    public double learningRate() {
        return learningRate;
    }

    public double betaOne() {
        return betaOne;
    }

    public double betaTwo() {
        return betaTwo;
    }

    public double epsilon() {
        return epsilon;
    }

    @Override
    public String toString() {
        return "Adam(learningRate " + learningRate + ", betaOne " + betaOne + ", betaTwo "
                + betaTwo + ", epsilon " + epsilon + ")";
    }
}
