package kgan.dynamics;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import kgan.game.Batch;
import kgan.game.Field;
import kgan.game.KernelGuidedGame;
import kgan.game.Objectives;
import kgan.game.Player;
import kgan.optim.Optimizer;

/**
 * Simultaneous gradient play: every player steps from the same state, z ← z + h F(z) for
 * plain SGD. With k discriminator steps, the first k − 1 move the discriminator alone, each
 * on a fresh batch.
 */
public final class SimultaneousStep extends Integrator {

    private static final Set<Player> DISCRIMINATOR = EnumSet.of(Player.DISCRIMINATOR);
    private static final Set<Player> ALL = EnumSet.allOf(Player.class);

    public SimultaneousStep(Map<Player, Optimizer> optimizers, int discriminatorSteps) {
        super(optimizers, discriminatorSteps);
    }

    @Override
    protected Objectives advance(KernelGuidedGame game, Supplier<Batch> batches) {
        for (int k = 1; k < discriminatorSteps; k++) {
            move(game, game.field(batches.get(), DISCRIMINATOR, false), DISCRIMINATOR);
        }
        Field field = game.field(batches.get(), ALL, false);
        move(game, field, ALL);
        return field.objectives();
    }
}
