package kgan.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import kgan.autodiff.Autodiff;
import kgan.autodiff.Tensor;
import kgan.kernel.Discrepancy;
import kgan.kernel.GaussianKernel;
import kgan.linalg.Dense;
import kgan.linalg.Rng;
import kgan.nn.Activation;
import kgan.nn.Init;
import kgan.nn.Linear;
import kgan.nn.Mlp;
import kgan.nn.Network;

/** The optional frozen feature map φ of the kernel terms. */
class FeatureMapTest {

    private static final GameSpec SPEC = GameSpec.guided(GanLoss.NON_SATURATING,
            new GaussianKernel(1.0), 1.0, 1.0);

    private static Mlp network(int in, int out, long seed) {
        return new Mlp(List.of(in, 6, out), Activation.TANH, Activation.IDENTITY,
                new Init.GlorotUniform(), new Rng(seed));
    }

    private static Batch batch(int d, int m) {
        Rng rng = new Rng(3);
        return new Batch(Tensor.constant(rng.gaussian(8, d)), Tensor.constant(
                rng.gaussian(8, m)));
    }

    /**
     * With φ the identity as a network (x I + 0), every product and sum it adds is exact in
     * floating point (multiplying by 1 and adding 0), so the field is the field without φ,
     * bit for bit.
     */
    @Test
    void identityFeatureMapLeavesTheFieldUnchanged() {
        int d = 3;
        Network identity = new Mlp(List.of(new Linear(
                Tensor.parameter(Dense.diagonalMatrix(Dense.filled(d, 1, 1.0))),
                Tensor.parameter(Dense.zeros(1, d)))), Activation.IDENTITY,
                Activation.IDENTITY, 1.0);
        DMatrixRMaj w = new Rng(4).gaussian(2, d);

        KernelGuidedGame plain = new KernelGuidedGame(SPEC, network(d, 1, 1),
                network(2, d, 2), new Witnesses(Dense.zeros(0, d), w, null));
        KernelGuidedGame mapped = new KernelGuidedGame(SPEC, network(d, 1, 1),
                network(2, d, 2), new Witnesses(Dense.zeros(0, d), w, null), identity);

        Field a = plain.field(batch(d, 2), Set.of(Player.values()), false);
        Field b = mapped.field(batch(d, 2), Set.of(Player.values()), false);

        assertThat(b.objectives()).isEqualTo(a.objectives());
        for (Player p : Player.values()) {
            for (int k = 0; k < a.of(p).size(); k++) {
                assertThat(b.of(p).get(k).value().data).isEqualTo(a.of(p).get(k).value().data);
            }
        }
    }

    /**
     * With a random φ : R³ → R², the game's MMD² and Λ are those of φ(data) and φ(G(z)) with
     * witnesses in R², and φ's parameters are moved by no player. The two computations make
     * the same operations in the same order: equal to the last bit, up to the 1e-15 of
     * rounding differences in summation order (values of order 1).
     */
    @Test
    void kernelTermsAreComputedOnTheFeatures() {
        int d = 3;
        Mlp phi = network(d, 2, 5);
        Mlp generator = network(2, d, 2);
        DMatrixRMaj w = new Rng(6).gaussian(2, 2);
        KernelGuidedGame game = new KernelGuidedGame(SPEC, network(d, 1, 1), generator,
                new Witnesses(Dense.zeros(0, 2), w, null), phi);
        Batch batch = batch(d, 2);

        Field field = game.field(batch, Set.of(Player.values()), false);

        Tensor fx = Autodiff.noGrad(() -> phi.forward(batch.data()));
        Tensor fy = Autodiff.noGrad(() -> phi.forward(generator.forward(batch.latent())));
        double mmd2 = Discrepancy.mmd2Biased(SPEC.kernel(), fx, fy).item();
        double local = Discrepancy.localDiscrepancy(SPEC.kernel(), fx, fy,
                Tensor.constant(w)).item();
        assertThat(field.objectives().mmd2()).isCloseTo(mmd2, within(1e-15));
        assertThat(field.objectives().local()).isCloseTo(local, within(1e-15));
        for (Player p : Player.values()) {
            for (Tensor t : game.parameters(p)) {
                for (Tensor f : phi.parameters()) {
                    assertThat(t).isNotSameAs(f);
                }
            }
        }
    }
}
