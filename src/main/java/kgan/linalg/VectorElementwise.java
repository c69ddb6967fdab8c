package kgan.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API forms of {@link Dense#leakyRelu} and {@link Dense#leakyReluMasked}: the
 * choice between the two branches is a lane blend, not a jump, since the signs of a layer's
 * pre-activations are as good as random and a jump would be mispredicted half the time. Each
 * lane forms the same number as the plain loop. Loaded only when the JVM has the
 * jdk.incubator.vector module.
 */
final class VectorElementwise {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    private VectorElementwise() {
    }

    /** out_e = a_e if a_e &gt; 0, else s a_e, for e in [0, length). out: Modified. */
    static int leakyRelu(double[] a, double slope, double[] out, int length) {
        int e = 0;
        for (; e + SPECIES.length() <= length; e += SPECIES.length()) {
            DoubleVector v = DoubleVector.fromArray(SPECIES, a, e);
            VectorMask<Double> positive = v.compare(VectorOperators.GT, 0.0);
            v.mul(slope).blend(v, positive).intoArray(out, e);
        }
        return e;
    }

    /** out_e = g_e · (1 if a_e &gt; 0, else s), for e in [0, length). out: Modified. */
    static int leakyReluMasked(double[] g, double[] a, double slope, double[] out,
            int length) {
        DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
        DoubleVector s = DoubleVector.broadcast(SPECIES, slope);
        int e = 0;
        for (; e + SPECIES.length() <= length; e += SPECIES.length()) {
            VectorMask<Double> positive = DoubleVector.fromArray(SPECIES, a, e)
                    .compare(VectorOperators.GT, 0.0);
            DoubleVector.fromArray(SPECIES, g, e).mul(s.blend(one, positive))
                    .intoArray(out, e);
        }
        return e;
    }
}
