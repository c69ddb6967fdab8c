package kgan.dynamics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import kgan.game.GanLoss;
import kgan.linalg.Rng;
import kgan.nn.Activation;

class ArnoldiTest {

    private static VectorField offEquilibrium() {
        VectorField field = RealisableGame.mlp(new RealisableGame.Settings(GanLoss.STANDARD,
                2, List.of(5), Activation.TANH, 2, List.of(5), Activation.TANH, 12, 1.0, 1,
                0.5, 2, 6));
        double[] z = field.state();
        double[] noise = new Rng(10).gaussian(1, z.length).data;
        for (int i = 0; i < z.length; i++) {
            z[i] += 0.5 * noise[i];
        }
        field.set(z);
        return field;
    }

    /**
     * Arnoldi on J v products finds the rightmost eigenvalues of the dense J. Each Ritz value
     * with residual r lies within r κ of an eigenvalue; we ask for agreement within
     * 1e-6 ‖J‖ with residuals below 1e-8 ‖J‖, which leaves a factor 100 for κ.
     */
    @Test
    void topEigenvaluesAgreeWithTheDenseSpectrum() {
        VectorField field = offEquilibrium();
        DMatrixRMaj j = field.jacobian();
        Spectrum dense = Spectrum.of(j);
        int n = field.dimension();
        Arnoldi.Result result = Arnoldi.rightmost(field.linearise(), n / 2, 3, 30, 1);
        for (int k = 0; k < 3; k++) {
            assertThat(result.residual()[k]).isLessThanOrEqualTo(1e-8 * dense.norm());
            double nearest = Double.POSITIVE_INFINITY;
            for (int i = 0; i < dense.size(); i++) {
                nearest = Math.min(nearest, Math.hypot(dense.real()[i] - result.real()[k],
                        dense.imaginary()[i] - result.imaginary()[k]));
            }
            assertThat(nearest).isLessThanOrEqualTo(1e-6 * dense.norm());
        }
        assertThat(result.spectralAbscissa()).isCloseTo(dense.spectralAbscissa(),
                org.assertj.core.data.Offset.offset(1e-6 * dense.norm()));
    }

    /**
     * A Krylov space of dimension 3 without restarts cannot resolve the rightmost values of a
     * field of dimension above 40, and says so; the whole space (K = n) gives them exactly.
     */
    @Test
    void convergedReadsTheResidualsAgainstTheirTolerance() {
        VectorField field = offEquilibrium();
        int n = field.dimension();

        Arnoldi.Result rough = Arnoldi.rightmost(field.linearise(), 3, 3, 0, 1);
        Arnoldi.Result whole = Arnoldi.rightmost(field.linearise(), n, 3, 0, 1);

        assertThat(rough.unconverged()).isPositive();
        for (int k = 0; k < 3; k++) {
            double bound = Math.max(Arnoldi.Result.TOLERANCE * Math.hypot(rough.real()[k],
                    rough.imaginary()[k]), n * Math.ulp(1.0) * rough.norm());
            assertThat(rough.converged(k)).isEqualTo(rough.residual()[k] <= bound);
        }
        assertThat(whole.unconverged()).isZero();
        Spectrum dense = Spectrum.of(field.jacobian());
        assertThat(whole.norm()).isLessThanOrEqualTo(dense.norm() * (1 + 1e-12))
                .isGreaterThan(0.1 * dense.norm());
    }

    /**
     * For a symmetric (normal) matrix every Ritz value, converged or not, lies within its
     * residual ‖J x − μ x‖ of an eigenvalue (the Bauer–Fike bound for normal matrices), so a
     * residual that underestimated the true one several times over would show as a value too
     * far from every eigenvalue (a tenth of it does; the bound is not tight enough to catch
     * a half). The slack 1e-12 ‖J‖ covers the rounding of the products and of the dense
     * eigenvalues.
     */
    @Test
    void everyRitzValueOfASymmetricMatrixIsWithinItsResidualOfAnEigenvalue() {
        int n = 60;
        DMatrixRMaj g = new Rng(4).gaussian(n, n);
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a.set(i, j, g.get(i, j) + g.get(j, i));
            }
        }
        Arnoldi.Operator operator = new Arnoldi.Operator() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public double[] apply(double[] v) {
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        out[i] += a.get(i, j) * v[j];
                    }
                }
                return out;
            }
        };
        Spectrum dense = Spectrum.of(a);
        for (int krylov : new int[] {4, 8, 16}) {
            Arnoldi.Result result = Arnoldi.rightmost(operator, krylov, Math.min(4, krylov), 0,
                    1);
            for (int k = 0; k < result.real().length; k++) {
                double nearest = Double.POSITIVE_INFINITY;
                for (int i = 0; i < dense.size(); i++) {
                    nearest = Math.min(nearest, Math.hypot(dense.real()[i] - result.real()[k],
                            dense.imaginary()[i] - result.imaginary()[k]));
                }
                assertThat(nearest).as("K = %d, value %d", krylov, k)
                        .isLessThanOrEqualTo(result.residual()[k] + 1e-12 * dense.norm());
            }
        }
    }
}
