package kgan.optim;

import java.util.List;

import org.ejml.data.DMatrixRMaj;

import kgan.autodiff.Tensor;

/**
 * Moves a player's parameters along a velocity, in place.
 *
 * <p>The velocity is the direction the parameters should move: the player's component of the
 * game's vector field F(z), an ascent direction of that player's own objective (∇_ψ V for the
 * discriminator, −∇_θ L_G for the generator). An optimiser never negates it; plain gradient
 * play without momentum is the Euler step θ ← θ + h v.
 */
public interface Optimizer {

    /**
     * One update θ_k ← θ_k + Δ_k(v_k) for every parameter θ_k and its velocity v_k, which must
     * have θ_k's shape. parameters: Modified (their values). velocity: Not modified. After the
     * first call on a parameter list, a call allocates nothing.
     */
    void step(List<Tensor> parameters, List<DMatrixRMaj> velocity);

    /** A copy of the optimiser's state (step count and buffers) for a checkpoint. */
    OptimizerState state();

    /**
     * Continues from a state made by {@link #state()} on an optimiser of the same kind. The
     * buffers' shapes are checked against the parameters' as soon as they are known: at once
     * if this optimiser has stepped, otherwise at the next {@link #step}, before anything
     * changes. state: Not modified (copied).
     */
    void restore(OptimizerState state);

    /** As {@link #restore(OptimizerState)}, checking the shapes against these parameters now. */
    void restore(OptimizerState state, List<Tensor> parameters);
}
