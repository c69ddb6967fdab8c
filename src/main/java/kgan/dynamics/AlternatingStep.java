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
 * Alternating gradient play: the discriminator takes its k steps (each on a fresh batch),
 * then the generator and the witness points step together against the updated
 * discriminator, on the batch of the discriminator's last step.
 */
public final class AlternatingStep extends Integrator {

    private static final Set<Player> DISCRIMINATOR = EnumSet.of(Player.DISCRIMINATOR);
    private static final Set<Player> GENERATOR_AND_WITNESSES =
            EnumSet.of(Player.GENERATOR, Player.WITNESSES);

    public AlternatingStep(Map<Player, Optimizer> optimizers, int discriminatorSteps) {
        super(optimizers, discriminatorSteps);
    }

    @Override
    protected Objectives advance(KernelGuidedGame game, Supplier<Batch> batches) {
        Batch batch = null;
        Field discriminatorField = null;
        for (int k = 0; k < discriminatorSteps; k++) {
            batch = batches.get();
            if (k == discriminatorSteps - 1) {
                // θ does not move until the generator's own step, so G(z) with its graph
                // serves both fields on this batch.
                batch = game.generate(batch);
            }
            discriminatorField = game.field(batch, DISCRIMINATOR, false);
            move(game, discriminatorField, DISCRIMINATOR);
        }
        Field field = game.field(batch, GENERATOR_AND_WITNESSES, false);
        move(game, field, GENERATOR_AND_WITNESSES);
        Objectives d = discriminatorField.objectives();
        Objectives g = field.objectives();
        return new Objectives(d.discriminator(), g.adversarial(), g.mmd2(), g.local(),
                g.generator());
    }
}
