package kgan.dynamics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import kgan.autodiff.Tensor;
import kgan.game.Batch;
import kgan.game.Objectives;
import kgan.game.Player;
import kgan.linalg.Rng;
import kgan.linalg.Workspace;
import kgan.train.RunModel;
import kgan.train.TrainConfig;
import picocli.CommandLine;

/**
 * Steps inside the integrator's workspace move every parameter to the same bits as the same
 * steps outside any workspace, with the workspace poisoned: every array it takes back is
 * filled with NaN, so a matrix that outlived its step, or one that was not zeroed before
 * reuse, would change the numbers.
 */
class WorkspaceStepTest {

    private static final int STEPS = 4;

    private static final String SMALL = "--batch-size 64 --latent-dim 16 "
            + "--generator-hidden 32,32 --discriminator-hidden 32 --witnesses 3";

    @ParameterizedTest
    @ValueSource(strings = {
        SMALL,
        SMALL + " --loss wasserstein --gradient-penalty 10 --discriminator-steps 3",
        SMALL + " --gradient-norm-penalty 0.5 --normalised-local --fixed-witness 0,0",
        SMALL + " --update simultaneous --unbiased-mmd --kernel imq --activation tanh",
        // Batch 512 takes the products and the Gram matrices' exponentials past the size at
        // which they split their rows with a helper thread, which writes into lent arrays.
        "--batch-size 512 --latent-dim 16 --generator-hidden 64 --discriminator-hidden 64 "
                + "--witnesses 3 --optimizer sgd --momentum 0.9 --bandwidth 0.5,2",
    })
    void stepsInTheWorkspaceGiveTheNumbersOfStepsWithoutIt(String options) {
        Run inside = new Run(options, true);
        Run outside = new Run(options, false);

        for (int s = 0; s < STEPS; s++) {
            Objectives a = inside.integrator.step(inside.model.game(), inside.batches);
            Objectives b = outside.integrator.advance(outside.model.game(), outside.batches);
            assertThat(a).isEqualTo(b);
        }
        // The comparison means something only if the steps did run in a poisoned workspace.
        assertThat(inside.integrator.workspace().poisoned()).isTrue();
        assertThat(inside.integrator.workspace().bytes()).isPositive();
        assertThat(outside.integrator.workspace().bytes()).isZero();
        for (Player player : Player.values()) {
            List<Tensor> x = inside.model.game().parameters(player);
            List<Tensor> y = outside.model.game().parameters(player);
            for (int p = 0; p < x.size(); p++) {
                assertThat(x.get(p).value().data).as("%s parameter %d", player, p)
                        .isEqualTo(y.get(p).value().data);
            }
        }
    }

    private static final class Run {
        final RunModel model;
        final Supplier<Batch> batches;
        final Integrator integrator;

        Run(String options, boolean poisoned) {
            String[] args = options.split(" ");
            TrainConfig config = CommandLine.populateCommand(new TrainConfig(), args);
            config.validate();
            Rng rng = new Rng(3);
            model = RunModel.build(config, rng);
            batches = model.batches(config, rng);
            if (poisoned) {
                System.setProperty(Workspace.POISON_PROPERTY, "true");
            }
            try {
                integrator = model.integrator(config);
            } finally {
                System.clearProperty(Workspace.POISON_PROPERTY);
            }
        }
    }
}
