package kgan.dynamics;

import static org.assertj.core.api.Assertions.assertThat;

import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.junit.jupiter.api.Test;

import kgan.linalg.Rng;

/**
 * Claim 1: for M = [[−A, B], [−Bᵀ, −C]] with A, C ⪰ 0, every eigenvalue has Re ≤ 0, and an
 * eigenvector (u, w) of an eigenvalue with Re = 0 has Au = 0 and Cw = 0.
 *
 * <p>Bounds (proofs/lemma.md): for a computed unit eigenvector x = (u, w) of μ with residual
 * r = ‖Mx − μx‖, Re μ = −(u*Au + w*Cw) − Re x*(Mx − μx), so Re μ ≤ r, and
 * u*Au + w*Cw ≤ |Re μ| + r, whence ‖Au‖ ≤ √(‖A‖ (|Re μ| + r)) (A ⪰ 0: ‖Au‖² ≤ ‖A‖ u*Au).
 */
class LemmaTest {

    /** Random A, C of random rank and random B, seeded: every Re μ ≤ its residual. */
    @Test
    void everyEigenvalueHasNonPositiveRealPart() {
        Rng rng = new Rng(11);
        for (int trial = 0; trial < 40; trial++) {
            int p = 1 + rng.nextInt(7);
            int q = 1 + rng.nextInt(7);
            DMatrixRMaj a = psd(p, rng.nextInt(p + 1), rng);
            DMatrixRMaj c = psd(q, rng.nextInt(q + 1), rng);
            DMatrixRMaj b = rng.gaussian(p, q);
            DMatrixRMaj m = block(a, b, c);
            for (Complex_F64 mu : Spectrum.eigenvalues(m)) {
                assertThat(mu.real).as("trial %d", trial)
                        .isLessThanOrEqualTo(Certificates.residual(m, mu));
            }
        }
    }

    /**
     * A, C with kernels, and B mapping ker C into ker A through a chosen core S: then ±i σ(S)
     * are eigenvalues, and their eigenvectors must lie in ker A × ker C.
     */
    @Test
    void imaginaryEigenvectorsLieInTheKernels() {
        Rng rng = new Rng(12);
        for (int trial = 0; trial < 20; trial++) {
            int p = 6;
            int q = 5;
            DMatrixRMaj[] u = orthonormalSplit(p, 3, rng);
            DMatrixRMaj[] w = orthonormalSplit(q, 2, rng);
            DMatrixRMaj a = mult(mult(u[0], diagonal(rng, 3)), transpose(u[0]));
            DMatrixRMaj c = mult(mult(w[0], diagonal(rng, 2)), transpose(w[0]));
            // B = U_K S W_Kᵀ + U_R R W_Rᵀ: ker C → ker A and (ker C)^⊥ → (ker A)^⊥.
            DMatrixRMaj b = CommonOps_DDRM.add(
                    mult(mult(u[1], rng.gaussian(3, 3)), transpose(w[1])),
                    mult(mult(u[0], rng.gaussian(3, 2)), transpose(w[0])), null);
            DMatrixRMaj m = block(a, b, c);
            double normA = NormOps_DDRM.normP2(a);
            double normC = NormOps_DDRM.normP2(c);
            int imaginary = 0;
            for (Complex_F64 mu : Spectrum.eigenvalues(m)) {
                double r = Certificates.residual(m, mu);
                assertThat(mu.real).isLessThanOrEqualTo(r);
                if (Math.abs(mu.real) > r || Math.abs(mu.imaginary) <= r) {
                    continue;
                }
                imaginary++;
                double[][] x = Arnoldi.eigenvector(m, mu);
                double au = partNorm(a, x, 0);
                double cw = partNorm(c, x, p);
                assertThat(au).isLessThanOrEqualTo(Math.sqrt(normA * (Math.abs(mu.real) + r)));
                assertThat(cw).isLessThanOrEqualTo(Math.sqrt(normC * (Math.abs(mu.real) + r)));
            }
            // S is 3×3 and generic: rank 3, so ±i σ_k(S) for k = 1, 2, 3.
            assertThat(imaginary).as("trial %d", trial).isEqualTo(6);
        }
    }

    /** ‖K x_part‖ for the block of x starting at {@code from}, x complex. */
    private static double partNorm(DMatrixRMaj k, double[][] x, int from) {
        int n = k.numRows;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double re = 0;
            double im = 0;
            for (int j = 0; j < n; j++) {
                re += k.get(i, j) * x[0][from + j];
                im += k.get(i, j) * x[1][from + j];
            }
            sum += re * re + im * im;
        }
        return Math.sqrt(sum);
    }

    /** [[−A, B], [−Bᵀ, −C]]. */
    static DMatrixRMaj block(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        int p = a.numRows;
        int q = c.numRows;
        DMatrixRMaj m = new DMatrixRMaj(p + q, p + q);
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                m.set(i, j, -a.get(i, j));
            }
            for (int j = 0; j < q; j++) {
                m.set(i, p + j, b.get(i, j));
                m.set(p + j, i, -b.get(i, j));
            }
        }
        for (int i = 0; i < q; i++) {
            for (int j = 0; j < q; j++) {
                m.set(p + i, p + j, -c.get(i, j));
            }
        }
        return m;
    }

    /** X Xᵀ for a random n×rank X: PSD of the given rank. */
    private static DMatrixRMaj psd(int n, int rank, Rng rng) {
        DMatrixRMaj x = rng.gaussian(n, rank);
        return mult(x, transpose(x));
    }

    private static DMatrixRMaj diagonal(Rng rng, int n) {
        DMatrixRMaj d = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            d.set(i, i, 0.5 + rng.nextDouble());
        }
        return d;
    }

    /** {the first k columns, the remaining n − k} of a random orthogonal n×n matrix. */
    private static DMatrixRMaj[] orthonormalSplit(int n, int k, Rng rng) {
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(n, n);
        qr.decompose(rng.gaussian(n, n));
        DMatrixRMaj q = qr.getQ(null, false);
        return new DMatrixRMaj[] {CommonOps_DDRM.extract(q, 0, n, 0, k),
                CommonOps_DDRM.extract(q, 0, n, k, n)};
    }

    private static DMatrixRMaj mult(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj out = new DMatrixRMaj(a.numRows, b.numCols);
        CommonOps_DDRM.mult(a, b, out);
        return out;
    }

    private static DMatrixRMaj transpose(DMatrixRMaj a) {
        return CommonOps_DDRM.transpose(a, null);
    }
}
