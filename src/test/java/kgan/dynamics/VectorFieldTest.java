package kgan.dynamics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import kgan.autodiff.Tensor;
import kgan.game.Field;
import kgan.game.GanLoss;
import kgan.game.Player;
import kgan.linalg.Rng;

class VectorFieldTest {

    private static final double EPS = Math.ulp(1.0);

    /** A small guided MLP game moved off its equilibrium, so every block of J is alive. */
    private static VectorField offEquilibrium(GanLoss loss) {
        VectorField field = RealisableGame.mlp(new RealisableGame.Settings(loss, 2,
                List.of(4), kgan.nn.Activation.TANH, 2, List.of(4), kgan.nn.Activation.TANH,
                6, 1.0, 0.7, 0.5, 2, 4));
        double[] z = field.state();
        double[] noise = new Rng(9).gaussian(1, z.length).data;
        for (int i = 0; i < z.length; i++) {
            z[i] += 0.3 * noise[i];
        }
        field.set(z);
        return field;
    }

    @Test
    void stateIsDiscriminatorThenGeneratorThenWitnessesRowMajor() {
        VectorField field = offEquilibrium(GanLoss.STANDARD);
        double[] z = field.state();
        int at = 0;
        for (Player player : Player.values()) {
            assertThat(field.offset(player)).isEqualTo(at);
            for (Tensor p : field.game().parameters(player)) {
                DMatrixRMaj v = p.value();
                for (int r = 0; r < v.numRows; r++) {
                    for (int c = 0; c < v.numCols; c++) {
                        assertThat(z[at++]).isEqualTo(v.get(r, c));
                    }
                }
            }
            assertThat(at - field.offset(player)).isEqualTo(field.size(player));
        }
        assertThat(at).isEqualTo(field.dimension());

        double[] other = z.clone();
        other[0] += 1;
        other[z.length - 1] -= 1;
        field.set(other);
        assertThat(field.state()).containsExactly(other);
    }

    @Test
    void valueIsTheGamesFieldFlattened() {
        VectorField field = offEquilibrium(GanLoss.NON_SATURATING);
        double[] f = field.value();
        Field direct = field.game().field(field.batch(), EnumSet.allOf(Player.class), false);
        int at = 0;
        for (Player player : Player.values()) {
            for (Tensor v : direct.of(player)) {
                for (int e = 0; e < v.value().getNumElements(); e++) {
                    assertThat(f[at++]).isEqualTo(v.value().data[e]);
                }
            }
        }
        assertThat(at).isEqualTo(f.length);
    }

    /**
     * Column j of J against D(h) = (F(z + h e_j) − F(z − h e_j)) / 2h. As in
     * kgan.autodiff.GradientCheck: truncation ≈ |D(h) − D(h/2)| / 3 (the error is c h²),
     * rounding ≤ κ ε max|F| / (h/2) with κ = 2⁸ for the relative rounding of one
     * evaluation, plus κ ε |J_ij| for the analytic entry.
     */
    @Test
    void jacobianMatchesCentralDifferences() {
        for (GanLoss loss : new GanLoss[] {GanLoss.STANDARD, GanLoss.WASSERSTEIN}) {
            VectorField field = offEquilibrium(loss);
            double[] z = field.state();
            DMatrixRMaj jacobian = field.jacobian();
            int n = z.length;
            double worst = 0;
            for (int j = 0; j < n; j++) {
                double h = Math.cbrt(EPS) * Math.max(1, Math.abs(z[j]));
                double[][] coarse = difference(field, z, j, h);
                double[][] fine = difference(field, z, j, h / 2);
                for (int i = 0; i < n; i++) {
                    double analytic = jacobian.get(i, j);
                    double truncation = Math.abs(coarse[0][i] - fine[0][i]) / 3;
                    double rounding = 256 * EPS * Math.max(coarse[1][0], fine[1][0]) / (h / 2)
                            + 256 * EPS * Math.abs(analytic);
                    double error = Math.abs(analytic - fine[0][i]);
                    worst = Math.max(worst, error / (truncation + rounding));
                    assertThat(error).as("%s J[%d][%d]", loss, i, j)
                            .isLessThanOrEqualTo(truncation + rounding);
                }
            }
            assertThat(worst).isLessThanOrEqualTo(1);
        }
    }

    /** {D(h) per row, {max |F|}}. */
    private static double[][] difference(VectorField field, double[] z, int j, double h) {
        double[] plus = z.clone();
        plus[j] += h;
        double[] minus = z.clone();
        minus[j] -= h;
        double[] fp = field.value(plus);
        double[] fm = field.value(minus);
        field.set(z);
        double[] d = new double[fp.length];
        double size = 0;
        for (int i = 0; i < d.length; i++) {
            d[i] = (fp[i] - fm[i]) / (2 * h);
            size = Math.max(size, Math.max(Math.abs(fp[i]), Math.abs(fm[i])));
        }
        return new double[][] {d, {size}};
    }

    /**
     * J v and Jᵀ u by double backward against the dense J: the same sums in another order,
     * so each entry agrees within γ_N Σ_j |J_ij v_j| with γ_N = N ε for the N ≤ 2⁸ n terms
     * an entry's sums can gather (one n-term product, each term itself a sum over the
     * graph).
     */
    @Test
    void linearisationMatchesTheDenseJacobian() {
        VectorField field = offEquilibrium(GanLoss.STANDARD);
        DMatrixRMaj j = field.jacobian();
        int n = field.dimension();
        VectorField.Linearisation linear = field.linearise();
        double[] v = new Rng(3).gaussian(1, n).data;
        double[] jv = linear.apply(v);
        double[] jtv = linear.applyTransposed(v);
        for (int i = 0; i < n; i++) {
            double expected = 0;
            double size = 0;
            double expectedT = 0;
            double sizeT = 0;
            for (int k = 0; k < n; k++) {
                expected += j.get(i, k) * v[k];
                size += Math.abs(j.get(i, k) * v[k]);
                expectedT += j.get(k, i) * v[k];
                sizeT += Math.abs(j.get(k, i) * v[k]);
            }
            double gamma = 256.0 * n * EPS;
            assertThat(Math.abs(jv[i] - expected)).isLessThanOrEqualTo(gamma * size);
            assertThat(Math.abs(jtv[i] - expectedT)).isLessThanOrEqualTo(gamma * sizeT);
        }
    }
}
