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

    private static final String POISON = "kgan.workspace.poison";

    private static final int STEPS = 4;

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "--loss wasserstein --gradient-penalty 10 --discriminator-steps 3",
        "--gradient-norm-penalty 0.5 --normalised-local --fixed-witness 0,0",
        "--update simultaneous --unbiased-mmd --kernel imq --activation tanh",
    })
    void stepsInTheWorkspaceGiveTheNumbersOfStepsWithoutIt(String options) {
        String small = "--batch-size 64 --latent-dim 16 --generator-hidden 32,32 "
                + "--discriminator-hidden 32 --witnesses 3 ";
        Run inside = new Run((small + options).trim(), true);
        Run outside = new Run((small + options).trim(), false);

        for (int s = 0; s < STEPS; s++) {
            Objectives a = inside.integrator.step(inside.model.game(), inside.batches);
            Objectives b = outside.integrator.advance(outside.model.game(), outside.batches);
            assertThat(a).isEqualTo(b);
        }
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
            String[] args = options.isEmpty() ? new String[0] : options.split(" ");
            TrainConfig config = CommandLine.populateCommand(new TrainConfig(), args);
            config.validate();
            Rng rng = new Rng(3);
            model = RunModel.build(config, rng);
            batches = model.batches(config, rng);
            if (poisoned) {
                System.setProperty(POISON, "true");
            }
            try {
                integrator = model.integrator(config);
            } finally {
                System.clearProperty(POISON);
            }
        }
    }
}
