package kgan.linalg;

import org.apache.commons.rng.RandomProviderState;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.core.RandomProviderDefaultState;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.ejml.data.DMatrixRMaj;

/**
 * The one seeded random source of a run (xoshiro256++ from Apache Commons RNG), with the
 * draws the method needs. Its whole state can be saved and restored, so that a resumed run
 * draws exactly what an uninterrupted one would.
 */
public final class Rng {

    private final RestorableUniformRandomProvider source;
    private final ZigguratSampler.NormalizedGaussian gaussian;

    public Rng(long seed) {
        this.source = RandomSource.XO_SHI_RO_256_PP.create(seed);
        this.gaussian = ZigguratSampler.NormalizedGaussian.of(source);
    }

    /** A standard normal draw. */
    public double nextGaussian() {
        return gaussian.sample();
    }

    /** A uniform draw from [0, 1). */
    public double nextDouble() {
        return source.nextDouble();
    }

    /** A uniform draw from {0, …, n − 1}. */
    public int nextInt(int n) {
        return source.nextInt(n);
    }

    /** A uniform 64-bit draw, for seeding a derived source. */
    public long nextLong() {
        return source.nextLong();
    }

    /** An r×c matrix of independent standard normal draws, filled in row-major order. */
    public DMatrixRMaj gaussian(int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        fillGaussian(m);
        return m;
    }

    /** Overwrites every entry of m with a standard normal draw. m: Modified. */
    public void fillGaussian(DMatrixRMaj m) {
        int n = m.getNumElements();
        for (int i = 0; i < n; i++) {
            m.data[i] = gaussian.sample();
        }
    }

    /** The generator's state as bytes (for checkpoints). */
    public byte[] saveState() {
        return ((RandomProviderDefaultState) source.saveState()).getState();
    }

    /** Restores a state from {@link #saveState()}. */
    public void restoreState(byte[] state) {
        RandomProviderState restored = new RandomProviderDefaultState(state);
        source.restoreState(restored);
    }
}
