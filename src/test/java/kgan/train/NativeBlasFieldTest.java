package kgan.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import kgan.autodiff.Tensor;
import kgan.dynamics.Integrator;
import kgan.game.Batch;
import kgan.game.Field;
import kgan.game.Player;
import kgan.linalg.ProductBackend;
import kgan.linalg.Rng;
import picocli.CommandLine;

/**
 * The field of the default train job's step (the ring, batch 512, widths 128) is the same on
 * the system's BLAS as on the Java kernels, to 1e-12 relative per player:
 * max |g_native − g_java| / max |g_java|. Needs libblas.so.3: tagged native, run by the
 * native-blas Maven profile only.
 *
 * <p>1e-12 is the requirement the native path is held to, not a bound derived for the whole
 * step. What is derived is per product: the two backends differ only in the order of each
 * product's sums, so one product's entries differ by at most 2 γ_K (|A||B|)_ij (see the
 * products' rounding bound), 1.1e-13 of |A||B| for the deepest sums here (K = 512, the
 * batch, in the weight gradients). The step chains a handful of products, and how much the
 * cancellation in each magnifies that relative to max |g| is not bounded here; a wrong
 * transpose or leading dimension, the error this guards against, gives differences of the
 * size of the velocities themselves. (Measured: below 3e-15 per player.)
 */
@Tag("native")
class NativeBlasFieldTest {

    private static final EnumSet<Player> ALL = EnumSet.allOf(Player.class);

    private static final double RELATIVE = 1e-12;

    @AfterEach
    void backToTheJavaKernels() {
        ProductBackend.use(ProductBackend.JAVA);
    }

    private static Field field(ProductBackend backend, RunModel model, Batch batch) {
        ProductBackend.use(backend);
        assertThat(ProductBackend.active()).isEqualTo(backend);
        return model.game().field(batch, ALL, false);
    }

    private static double maxAbs(List<Tensor> tensors) {
        double m = 0;
        for (Tensor t : tensors) {
            for (double v : t.value().data) {
                m = Math.max(m, Math.abs(v));
            }
        }
        return m;
    }

    private static double maxAbsDifference(List<Tensor> x, List<Tensor> y) {
        assertThat(x).hasSameSizeAs(y);
        double m = 0;
        for (int p = 0; p < x.size(); p++) {
            double[] a = x.get(p).value().data;
            double[] b = y.get(p).value().data;
            assertThat(a).hasSameSizeAs(b);
            for (int e = 0; e < a.length; e++) {
                m = Math.max(m, Math.abs(a[e] - b[e]));
            }
        }
        return m;
    }

    /** At the initial weights, and after 100 training steps on the Java kernels. */
    @Test
    void bothBackendsGiveTheSameFieldOfTheRingStep() {
        TrainConfig config = CommandLine.populateCommand(new TrainConfig());
        config.validate();
        Rng rng = new Rng(0);
        RunModel model = RunModel.build(config, rng);
        Supplier<Batch> batches = model.batches(config, rng);
        Integrator integrator = model.integrator(config);

        for (int trained : new int[] {0, 100}) {
            ProductBackend.use(ProductBackend.JAVA);
            for (int s = 0; s < trained; s++) {
                integrator.step(model.game(), batches);
            }
            Batch batch = batches.get();

            Field java = field(ProductBackend.JAVA, model, batch);
            Field blas = field(ProductBackend.NATIVE, model, batch);

            for (Player player : ALL) {
                double scale = maxAbs(java.of(player));
                double relative = maxAbsDifference(blas.of(player), java.of(player)) / scale;
                System.out.printf(Locale.ROOT, "after %d steps, %s: max |g| %.3e, largest "
                        + "relative difference %.3e%n", trained, player, scale, relative);
                assertThat(scale).as("%s's velocity", player).isPositive();
                assertThat(relative).as("%s after %d steps", player, trained)
                        .isLessThanOrEqualTo(RELATIVE);
            }
        }
    }
}
