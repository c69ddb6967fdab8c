package kgan.data;

import java.util.List;

import org.ejml.data.DMatrixRMaj;

import kgan.linalg.Rng;

/**
 * A data distribution P on R^d that can be sampled. Points are the rows of an n×d matrix.
 *
 * <p>A known mixture (a synthetic benchmark) also reports the centres of its modes and
 * their common standard deviation, which the mode metrics need; user data reports none.
 */
public interface Dataset {

    /** d, the number of coordinates of a point. */
    int dimension();

    /**
     * n independent draws from P, as the rows of a new n×d matrix. All randomness comes
     * from {@code rng} (Modified: advanced by the draws), so a seed fixes the sample.
     */
    DMatrixRMaj sample(int n, Rng rng);

    /** The centres of the modes, each a 1×d row; empty when the modes are not known. */
    default List<DMatrixRMaj> modeCentres() {
        return List.of();
    }

    /** The standard deviation of every mode; NaN when the modes are not known. */
    default double modeStd() {
        return Double.NaN;
    }

    /** True when {@link #modeCentres()} and {@link #modeStd()} describe the data. */
    default boolean hasKnownModes() {
        return !modeCentres().isEmpty();
    }

    /** One line that says what the data is, for run configurations and logs. */
    String describe();
}
