package kgan.dynamics;

import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * A posteriori bounds on real parts, which need no eigenvalue condition number.
 *
 * <p>For any unit vector x and any μ, with r = Jx − μx: Re μ = Re x*Jx − Re x*r
 * = x*Sx − Re x*r, S = (J + Jᵀ)/2 the symmetric part (x*Jx has real part x*Sx because
 * x*(J − Jᵀ)x/2 is imaginary). Hence ω_min(S) − ‖r‖ ≤ Re μ ≤ ω_max(S) + ‖r‖ for the computed
 * pair (μ, x): the real part of a computed eigenvalue is bounded by the extreme eigenvalues
 * of S (the numerical range) and the pair's residual. The residual is evaluated in floating
 * point, which adds at most n ε ‖J‖_F (the rounding of n-term inner products).
 */
final class Certificates {

    private Certificates() {
    }

    /** {λ_min(S), λ_max(S)} for S = (J + Jᵀ)/2. */
    static double[] numericalRange(DMatrixRMaj j) {
        DMatrixRMaj s = new DMatrixRMaj(j.numRows, j.numCols);
        CommonOps_DDRM.transpose(j, s);
        CommonOps_DDRM.add(0.5, j, 0.5, s, s);
        EigenDecomposition_F64<DMatrixRMaj> eig =
                DecompositionFactory_DDRM.eig(s.numRows, false, true);
        if (!eig.decompose(s)) {
            throw new IllegalStateException("symmetric eigen-decomposition failed");
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < s.numRows; i++) {
            double v = eig.getEigenvalue(i).real;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return new double[] {min, max};
    }

    /** ‖Jx − μx‖ + n ε ‖J‖_F for the unit eigenvector x of μ found by inverse iteration. */
    static double residual(DMatrixRMaj j, Complex_F64 mu) {
        double[][] x = Arnoldi.eigenvector(j, mu);
        return residual(j, mu, x[0], x[1]) + j.numRows * Math.ulp(1.0) * frobenius(j);
    }

    /** ‖J x − μ x‖ for x = re + i im. */
    static double residual(DMatrixRMaj j, Complex_F64 mu, double[] re, double[] im) {
        int n = j.numRows;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double rRe = -(mu.real * re[i] - mu.imaginary * im[i]);
            double rIm = -(mu.real * im[i] + mu.imaginary * re[i]);
            for (int k = 0; k < n; k++) {
                rRe += j.get(i, k) * re[k];
                rIm += j.get(i, k) * im[k];
            }
            sum += rRe * rRe + rIm * rIm;
        }
        return Math.sqrt(sum);
    }

    static double frobenius(DMatrixRMaj j) {
        return org.ejml.dense.row.NormOps_DDRM.normF(j);
    }
}
