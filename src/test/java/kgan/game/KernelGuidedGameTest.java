package kgan.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumSet;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import kgan.autodiff.Autodiff;
import kgan.autodiff.Ops;
import kgan.autodiff.Tensor;
import kgan.kernel.Discrepancy;
import kgan.kernel.GaussianKernel;
import kgan.kernel.Kernel;
import kgan.linalg.Dense;
import kgan.linalg.Rng;
import kgan.nn.Activation;
import kgan.nn.Init;
import kgan.nn.Mlp;

/** The game's field is assembled from its objectives as F = (∇_ψ V, −∇_θ L_G, η ∇_W Λ). */
class KernelGuidedGameTest {

    private static final Kernel KERNEL = new GaussianKernel(0.8);
    private static final EnumSet<Player> ALL = EnumSet.allOf(Player.class);

    private static KernelGuidedGame game(GameSpec spec, long seed) {
        Rng rng = new Rng(seed);
        Mlp generator = new Mlp(List.of(3, 5, 2), Activation.TANH, Activation.IDENTITY,
                new Init.GlorotUniform(), rng);
        Mlp discriminator = new Mlp(List.of(2, 5, 1), Activation.TANH, Activation.IDENTITY,
                new Init.GlorotUniform(), rng);
        DMatrixRMaj fixed = Dense.of(1, 2, 0.5, -0.5);
        Witnesses witnesses = new Witnesses(fixed, rng.gaussian(3, 2),
                new double[] {0.1, 0.2, 0.3, 0.4});
        return new KernelGuidedGame(spec, discriminator, generator, witnesses);
    }

    private static Batch batch(long seed) {
        Rng rng = new Rng(seed);
        DMatrixRMaj mixing = new DMatrixRMaj(12, 1);
        for (int i = 0; i < 12; i++) {
            mixing.data[i] = rng.nextDouble();
        }
        return new Batch(Tensor.constant(rng.gaussian(12, 2)),
                Tensor.constant(rng.gaussian(12, 3)), Tensor.constant(mixing));
    }

    private static GameSpec spec(double lambdaGlobal, double lambdaLocal, double rate) {
        return new GameSpec(GanLoss.NON_SATURATING, KERNEL, lambdaGlobal, lambdaLocal, false,
                false, 1e-3, rate, 0, 0);
    }

    private static double maxAbs(List<Tensor> tensors) {
        double m = 0;
        for (Tensor t : tensors) {
            for (int i = 0; i < t.value().getNumElements(); i++) {
                m = Math.max(m, Math.abs(t.value().data[i]));
            }
        }
        return m;
    }

    /**
     * The guided generator velocity minus the unguided one is −λ_g ∇_θ MMD² − λ_l ∇_θ Λ,
     * computed here from the discrepancies directly. The two sides sum the same terms in
     * another order. An entry of ∇_θ collects N = 2 (n² + n J) Gram-matrix terms (n = 12
     * points, J = 4 witnesses, two kernel terms), and reordering a sum of N terms moves it
     * by at most N ε Σ|t|; the terms, propagated back through the same layers as the
     * velocities, are bounded here by the largest velocity entry, so the test allows
     * N ε (max|guided| + max|unguided| + max|control|) per entry.
     */
    @Test
    void generatorVelocityCarriesBothControlSignals() {
        double lambdaGlobal = 0.7;
        double lambdaLocal = 1.3;
        KernelGuidedGame guided = game(spec(lambdaGlobal, lambdaLocal, 1), 1);
        KernelGuidedGame plain = game(spec(0, 0, 1), 1);
        Batch batch = batch(2);

        List<Tensor> withGuidance = guided.field(batch, ALL, false).of(Player.GENERATOR);
        List<Tensor> without = plain.field(batch, ALL, false).of(Player.GENERATOR);

        Tensor generated = guided.generator().forward(batch.latent());
        Tensor mmd2 = Discrepancy.mmd2Biased(KERNEL, batch.data(), generated);
        Tensor local = Discrepancy.localDiscrepancy(KERNEL, batch.data(), generated,
                guided.witnesses().points(), guided.witnesses().weights());
        Tensor control = Ops.add(Ops.scale(mmd2, lambdaGlobal), Ops.scale(local, lambdaLocal));
        List<Tensor> controlGradient = Autodiff.grad(control,
                guided.parameters(Player.GENERATOR), false);

        int terms = 2 * (12 * 12 + 12 * 4);
        double tolerance = terms * Math.ulp(1.0) * (maxAbs(withGuidance) + maxAbs(without)
                + maxAbs(controlGradient));
        for (int k = 0; k < withGuidance.size(); k++) {
            DMatrixRMaj expected = Dense.subtract(without.get(k).value(),
                    controlGradient.get(k).value());
            DMatrixRMaj actual = withGuidance.get(k).value();
            for (int i = 0; i < expected.getNumElements(); i++) {
                assertThat(actual.data[i]).isCloseTo(expected.data[i], within(tolerance));
            }
        }
        assertThat(maxAbs(controlGradient)).isGreaterThan(1e3 * tolerance);
    }

    @Test
    void discriminatorVelocityIgnoresTheKernelTerms() {
        Batch batch = batch(3);
        List<Tensor> guided = game(spec(2, 3, 1), 4).field(batch, ALL, false)
                .of(Player.DISCRIMINATOR);
        List<Tensor> plain = game(spec(0, 0, 1), 4).field(batch, ALL, false)
                .of(Player.DISCRIMINATOR);
        for (int k = 0; k < guided.size(); k++) {
            assertThat(guided.get(k).value().data).isEqualTo(plain.get(k).value().data);
        }
    }

    /** Only the learned points move, at η times the ascent direction of Λ. */
    @Test
    void witnessVelocityIsTheScaledAscentOfTheLocalDiscrepancy() {
        double rate = 0.25;
        KernelGuidedGame game = game(spec(1, 1, rate), 5);
        Batch batch = batch(6);

        List<Tensor> velocity = game.field(batch, ALL, false).of(Player.WITNESSES);

        Tensor generated = game.generator().forward(batch.latent());
        Tensor local = Discrepancy.localDiscrepancy(KERNEL, batch.data(), generated,
                game.witnesses().points(), game.witnesses().weights());
        DMatrixRMaj ascent = Autodiff.grad(local, game.parameters(Player.WITNESSES), false)
                .get(0).value();
        assertThat(velocity).hasSize(1);
        DMatrixRMaj v = velocity.get(0).value();
        assertThat(v.numRows).isEqualTo(3);
        for (int i = 0; i < v.getNumElements(); i++) {
            assertThat(v.data[i]).isEqualTo(rate * ascent.data[i]);
        }
        assertThat(Dense.isFinite(v)).isTrue();
    }

    /**
     * −∂L_G/∂θ of the field against central differences of the reported L_G, for each of the
     * generator's loss terms including the penalty that needs a gradient of a gradient. The
     * tolerance is derived as in the gradient checker: the truncation error of D(h/2) is about
     * |D(h) − D(h/2)| / 3, and rounding adds at most 2⁸ ε |L_G| / (h / 2).
     */
    @ParameterizedTest
    @CsvSource({"0.7,1.3,0,0", "0,0,0,0.9", "1,1,0.5,0.9"})
    void generatorVelocityIsMinusTheGradientOfTheReportedLoss(double lambdaGlobal,
            double lambdaLocal, double gradientPenalty, double gradientNormPenalty) {
        GameSpec spec = new GameSpec(GanLoss.STANDARD, KERNEL, lambdaGlobal, lambdaLocal, false,
                false, 1e-3, 1, gradientPenalty, gradientNormPenalty);
        KernelGuidedGame game = game(spec, 7);
        Batch batch = batch(8);
        List<Tensor> velocity = game.field(batch, ALL, false).of(Player.GENERATOR);

        for (int k = 0; k < velocity.size(); k++) {
            DMatrixRMaj theta = game.parameters(Player.GENERATOR).get(k).value();
            for (int i = 0; i < theta.getNumElements(); i++) {
                double original = theta.data[i];
                double h = Math.cbrt(Math.ulp(1.0));
                double coarse = centralDifference(game, batch, theta, i, h);
                double fine = centralDifference(game, batch, theta, i, h / 2);
                theta.data[i] = original;
                double loss = game.field(batch, ALL, false).objectives().generator();
                double tolerance = Math.abs(coarse - fine) / 3
                        + 256 * Math.ulp(1.0) * Math.max(1, Math.abs(loss)) / (h / 2);
                assertThat(velocity.get(k).value().data[i]).isCloseTo(-fine,
                        within(tolerance));
            }
        }
    }

    private static double centralDifference(KernelGuidedGame game, Batch batch,
            DMatrixRMaj theta, int i, double h) {
        double original = theta.data[i];
        theta.data[i] = original + h;
        double plus = game.field(batch, EnumSet.of(Player.GENERATOR), false).objectives()
                .generator();
        theta.data[i] = original - h;
        double minus = game.field(batch, EnumSet.of(Player.GENERATOR), false).objectives()
                .generator();
        theta.data[i] = original;
        return (plus - minus) / (2 * h);
    }

    @Test
    void objectivesReportTheBatchValues() {
        KernelGuidedGame game = game(spec(1, 1, 1), 9);
        Batch batch = batch(10);
        Objectives objectives = game.field(batch, ALL, false).objectives();

        Tensor generated = game.generator().forward(batch.latent());
        assertThat(objectives.mmd2()).isEqualTo(
                Discrepancy.mmd2Biased(KERNEL, batch.data(), generated).item());
        assertThat(objectives.local()).isEqualTo(Discrepancy.localDiscrepancy(KERNEL,
                batch.data(), generated, game.witnesses().points(),
                game.witnesses().weights()).item());
        assertThat(objectives.firstNonFinite()).isNull();
    }

    /**
     * WGAN-GP with a linear discriminator D(x) = xᵀw + b: ∇_x D = w at every point, so the
     * penalty is (‖w‖ − 1)² (the code's ‖w‖ being √(‖w‖² + 1e-12)) and the discriminator's
     * velocity is E_P x − E_Q G(z) − 2λ (‖w‖ − 1) w / ‖w‖ for w and 0 for b. Both sides are
     * means of 12 points plus a few products, so they agree to 2⁶ ε times their size.
     */
    @Test
    void gradientPenaltyOfALinearDiscriminatorHasItsClosedForm() {
        double penalty = 10;
        GameSpec spec = new GameSpec(GanLoss.WASSERSTEIN, KERNEL, 0, 0, false, false, 1e-3, 1,
                penalty, 0);
        Rng rng = new Rng(11);
        Mlp generator = new Mlp(List.of(3, 5, 2), Activation.TANH, Activation.IDENTITY,
                new Init.GlorotUniform(), rng);
        Mlp discriminator = new Mlp(List.of(2, 1), Activation.IDENTITY, Activation.IDENTITY,
                new Init.GlorotUniform(), rng);
        KernelGuidedGame game = new KernelGuidedGame(spec, discriminator, generator,
                new Witnesses(new DMatrixRMaj(0, 2), new DMatrixRMaj(0, 2), null));
        Batch batch = batch(12);

        DMatrixRMaj w = discriminator.parameters().get(0).value();
        w.data[0] = 1.5;
        w.data[1] = -0.5;
        List<Tensor> velocity = game.field(batch, EnumSet.of(Player.DISCRIMINATOR), false)
                .of(Player.DISCRIMINATOR);

        double norm = Math.sqrt(w.data[0] * w.data[0] + w.data[1] * w.data[1] + 1e-12);
        DMatrixRMaj generated = generator.forward(batch.latent()).value();
        DMatrixRMaj dataMean = Dense.columnSums(batch.data().value());
        DMatrixRMaj generatedMean = Dense.columnSums(generated);
        double tolerance = 64 * Math.ulp(1.0) * (1 + 2 * penalty);
        for (int k = 0; k < 2; k++) {
            double expected = (dataMean.data[k] - generatedMean.data[k]) / 12
                    - 2 * penalty * (norm - 1) * w.data[k] / norm;
            assertThat(velocity.get(0).value().data[k]).isCloseTo(expected, within(tolerance));
        }
        assertThat(velocity.get(1).value().data[0]).isCloseTo(0.0, within(tolerance));
    }
}
