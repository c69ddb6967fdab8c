package kgan.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The rectifier and its masked gradient choose between two numbers by lanes; each entry must
 * be exactly the number of the scalar definition (exact equality is the derived tolerance:
 * both form the same single product or copy). The special entries check the signed zeros
 * (g · 0 keeps g's sign) and NaN; 7 × 5 = 35 entries leave a remainder after any lane width.
 */
class ElementwiseTest {

    private static DMatrixRMaj withSpecialEntries(Rng rng) {
        DMatrixRMaj a = rng.gaussian(7, 5);
        a.data[0] = 0.0;
        a.data[1] = -0.0;
        a.data[2] = Double.NaN;
        a.data[3] = Double.NEGATIVE_INFINITY;
        a.data[34] = -1e-300;
        return a;
    }

    @Test
    void theRectifierAndItsMaskedGradientMatchTheScalarDefinitionBitForBit() {
        assertThat(Dense.vectorisedProducts()).isTrue();
        Rng rng = new Rng(21);
        DMatrixRMaj a = withSpecialEntries(rng);
        DMatrixRMaj g = withSpecialEntries(rng);
        for (double slope : new double[] {0.0, 0.2}) {
            DMatrixRMaj y = Dense.leakyRelu(a, slope);
            DMatrixRMaj masked = Dense.leakyReluMasked(g, a, slope);

            for (int e = 0; e < a.data.length; e++) {
                double v = a.data[e];
                double expected = v > 0 ? v : slope * v;
                double mask = v > 0 ? 1.0 : slope;
                assertThat(Double.doubleToRawLongBits(y.data[e])).as("relu entry %d", e)
                        .isEqualTo(Double.doubleToRawLongBits(expected));
                assertThat(Double.doubleToRawLongBits(masked.data[e])).as("mask entry %d", e)
                        .isEqualTo(Double.doubleToRawLongBits(g.data[e] * mask));
            }
        }
    }
}
