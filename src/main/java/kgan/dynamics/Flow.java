package kgan.dynamics;

import java.util.EnumSet;
import java.util.Set;

import kgan.game.Player;

/**
 * Trajectories of gradient play ż = F(z) on a {@link VectorField}, for the toy analyses:
 * the simultaneous Euler map z ← z + hF(z), the alternating one (the discriminator steps
 * first, the generator and witnesses then step from the updated state), and the classical
 * fourth-order Runge–Kutta scheme for the continuous flow. Each returns the states
 * z_0, z_1, …, z_steps as rows and leaves the field at the last state.
 */
public final class Flow {

    private static final Set<Player> DISCRIMINATOR = EnumSet.of(Player.DISCRIMINATOR);
    private static final Set<Player> OTHERS = EnumSet.of(Player.GENERATOR, Player.WITNESSES);

    private Flow() {
    }

    /** z_{k+1} = z_k + h F(z_k). {@code start}: not modified. */
    public static double[][] euler(VectorField field, double[] start, double h, int steps) {
        double[][] path = begin(start, steps);
        for (int k = 0; k < steps; k++) {
            path[k + 1] = axpy(path[k], h, field.value(path[k]));
        }
        field.set(path[steps]);
        return path;
    }

    /**
     * ψ_{k+1} = ψ_k + h F_ψ(ψ_k, θ_k, W_k), then (θ, W)_{k+1} = (θ, W)_k + h F_{θ,W}(ψ_{k+1},
     * θ_k, W_k). {@code start}: not modified.
     */
    public static double[][] alternatingEuler(VectorField field, double[] start, double h,
            int steps) {
        double[][] path = begin(start, steps);
        for (int k = 0; k < steps; k++) {
            field.set(path[k]);
            double[] half = axpy(path[k], h, field.value(DISCRIMINATOR));
            field.set(half);
            path[k + 1] = axpy(half, h, field.value(OTHERS));
        }
        field.set(path[steps]);
        return path;
    }

    /**
     * The classical Runge–Kutta step: z_{k+1} = z_k + h (k₁ + 2k₂ + 2k₃ + k₄) / 6 with
     * k₁ = F(z_k), k₂ = F(z_k + h k₁/2), k₃ = F(z_k + h k₂/2), k₄ = F(z_k + h k₃).
     * {@code start}: not modified.
     */
    public static double[][] rk4(VectorField field, double[] start, double h, int steps) {
        double[][] path = begin(start, steps);
        for (int k = 0; k < steps; k++) {
            double[] z = path[k];
            double[] k1 = field.value(z);
            double[] k2 = field.value(axpy(z, h / 2, k1));
            double[] k3 = field.value(axpy(z, h / 2, k2));
            double[] k4 = field.value(axpy(z, h, k3));
            double[] next = z.clone();
            for (int i = 0; i < next.length; i++) {
                next[i] += h * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]) / 6;
            }
            path[k + 1] = next;
        }
        field.set(path[steps]);
        return path;
    }

    private static double[][] begin(double[] start, int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("flow: " + steps + " steps; expected ≥ 0");
        }
        double[][] path = new double[steps + 1][];
        path[0] = start.clone();
        return path;
    }

    /** x + a y, a new array. */
    private static double[] axpy(double[] x, double a, double[] y) {
        double[] out = x.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += a * y[i];
        }
        return out;
    }
}
