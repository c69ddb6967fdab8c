package kgan.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import kgan.autodiff.Autodiff;
import kgan.autodiff.Tensor;
import kgan.kernel.GaussianKernel;
import kgan.linalg.Rng;
import kgan.nn.Activation;
import kgan.nn.Init;
import kgan.nn.Mlp;

/** Sharing G(z) between field evaluations changes no number. */
class GeneratedBatchTest {

    private static KernelGuidedGame game(long seed) {
        Rng rng = new Rng(seed);
        Mlp generator = new Mlp(List.of(4, 6, 2), Activation.RELU, Activation.IDENTITY,
                new Init.Orthogonal(0.8), rng);
        Mlp discriminator = new Mlp(List.of(2, 5, 1), Activation.RELU, Activation.IDENTITY,
                0.25, new Init.Orthogonal(0.8), rng);
        Witnesses witnesses = new Witnesses(new DMatrixRMaj(0, 2),
                rng.gaussian(3, 2), null);
        GameSpec spec = GameSpec.guided(GanLoss.NON_SATURATING, new GaussianKernel(0.5), 1.0,
                1.0);
        return new KernelGuidedGame(spec, discriminator, generator, witnesses);
    }

    private static Batch batch(long seed) {
        Rng rng = new Rng(seed);
        return new Batch(Tensor.constant(rng.gaussian(7, 2)),
                Tensor.constant(rng.gaussian(7, 4)));
    }

    @Test
    void aSharedForwardPassGivesTheSameFieldBitForBit() {
        KernelGuidedGame game = game(3);
        Batch plain = batch(5);
        Batch shared = game.generate(plain);

        for (Set<Player> players : List.of(EnumSet.of(Player.DISCRIMINATOR),
                EnumSet.of(Player.GENERATOR, Player.WITNESSES))) {
            Field expected = game.field(plain, players, false);
            Field actual = game.field(shared, players, false);
            for (Player player : players) {
                for (int k = 0; k < expected.of(player).size(); k++) {
                    assertThat(actual.of(player).get(k).value().data)
                            .containsExactly(expected.of(player).get(k).value().data);
                }
            }
            assertThat(actual.objectives()).isEqualTo(expected.objectives());
        }
    }

    @Test
    void generatedPointsWithoutAGraphAreRefusedWhereTheGeneratorNeedsOne() {
        KernelGuidedGame game = game(3);
        Batch constant = Autodiff.noGrad(() -> game.generate(batch(5)));

        assertThatThrownBy(() -> game.field(constant, EnumSet.of(Player.GENERATOR), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("generate(batch)");
    }
}
