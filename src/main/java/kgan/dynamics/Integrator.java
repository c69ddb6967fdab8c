package kgan.dynamics;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.ejml.data.DMatrixRMaj;

import kgan.autodiff.Tensor;
import kgan.game.Batch;
import kgan.game.Field;
import kgan.game.KernelGuidedGame;
import kgan.game.Objectives;
import kgan.game.Player;
import kgan.linalg.Workspace;
import kgan.optim.Optimizer;

/**
 * A discrete-time integrator of the game's vector field: one training iteration moves every
 * player along its component of F, each through its own optimiser (plain SGD is the Euler
 * step; Adam is the Adam-preconditioned step).
 *
 * <p>Each iteration runs in the integrator's {@link Workspace}: the matrices of its forward
 * and backward passes reuse the arrays of the iteration before, so that training allocates
 * next to nothing per step once the first step has run. An iteration hands out only its
 * objectives (numbers) and moves the parameters in place, so nothing it made outlives it.
 */
public abstract class Integrator {

    protected final Map<Player, Optimizer> optimizers;
    protected final int discriminatorSteps;
    private final Workspace workspace = new Workspace();

    /**
     * @param optimizers         one optimiser per player that moves
     * @param discriminatorSteps how many discriminator steps each iteration takes (≥ 1)
     */
    protected Integrator(Map<Player, Optimizer> optimizers, int discriminatorSteps) {
        if (discriminatorSteps < 1) {
            throw new IllegalArgumentException("discriminator steps is " + discriminatorSteps
                    + "; expected at least 1");
        }
        this.optimizers = new EnumMap<>(optimizers);
        this.discriminatorSteps = discriminatorSteps;
    }

    /** One iteration: draws its batches from {@code batches}; returns the last objectives. */
    public final Objectives step(KernelGuidedGame game, Supplier<Batch> batches) {
        return workspace.run(() -> advance(game, batches));
    }

    /** The workspace the iterations of {@link #step} run in. */
    Workspace workspace() {
        return workspace;
    }

    /** The iteration of {@link #step}, run inside the workspace. */
    protected abstract Objectives advance(KernelGuidedGame game, Supplier<Batch> batches);

    /** Moves the given players along the field. */
    protected void move(KernelGuidedGame game, Field field, Iterable<Player> players) {
        for (Player player : players) {
            Optimizer optimizer = optimizers.get(player);
            List<Tensor> parameters = game.parameters(player);
            if (optimizer == null || parameters.isEmpty()) {
                continue;
            }
            List<Tensor> velocity = field.of(player);
            DMatrixRMaj[] values = new DMatrixRMaj[velocity.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = velocity.get(i).value();
            }
            optimizer.step(parameters, List.of(values));
        }
    }

    /** The optimiser of each player. */
    public Map<Player, Optimizer> optimizers() {
        return optimizers;
    }
}
