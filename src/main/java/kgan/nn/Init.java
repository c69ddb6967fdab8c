package kgan.nn;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

import kgan.linalg.Rng;

/**
 * How a layer's fanIn×fanOut weight matrix is drawn. Biases always start at zero. Every draw
 * comes from the {@link Rng} passed in, so the same seed gives the same weights.
 */
public sealed interface Init {

    /** A new fanIn×fanOut weight matrix. rng: Modified (advanced). */
    DMatrixRMaj weight(int fanIn, int fanOut, Rng rng);

    /**
     * Orthogonal initialisation (Saxe, McClelland and Ganguli, "Exact solutions to the
     * nonlinear dynamics of learning in deep linear neural networks", 2014): W = gain · Q with
     * Q uniformly (Haar) distributed among matrices with orthonormal columns when
     * fanIn ≥ fanOut (WᵀW = gain² I), orthonormal rows otherwise (WWᵀ = gain² I).
     *
     * <p>Q comes from the QR decomposition A = QR of a Gaussian max×min matrix A. The
     * decomposition is unique only once the signs of R's diagonal are fixed; Householder QR
     * fixes them by A's entries, which biases Q. Multiplying Q's columns by sign(R_jj) makes
     * diag(R) positive, and then Q is Haar distributed (Mezzadri, "How to generate random
     * matrices from the classical compact groups", 2007).
     *
     * @param gain the scale of the orthonormal matrix; 0.8 in the ring protocol
     */
    record Orthogonal(double gain) implements Init {

        public Orthogonal {
            if (!(gain > 0) || Double.isInfinite(gain)) {
                throw new IllegalArgumentException("Orthogonal: gain must be positive and "
                        + "finite, got " + gain);
            }
        }

        @Override
        public DMatrixRMaj weight(int fanIn, int fanOut, Rng rng) {
            requirePositive(fanIn, fanOut);
            int tall = Math.max(fanIn, fanOut);
            int wide = Math.min(fanIn, fanOut);
            DMatrixRMaj gaussian = rng.gaussian(tall, wide);

            QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(tall, wide);
            if (!qr.decompose(gaussian)) {
                throw new IllegalStateException("Orthogonal: QR of a " + tall + "×" + wide
                        + " Gaussian matrix failed");
            }
            DMatrixRMaj q = qr.getQ(null, true);
            DMatrixRMaj r = qr.getR(null, true);

            DMatrixRMaj w = new DMatrixRMaj(fanIn, fanOut);
            for (int j = 0; j < wide; j++) {
                double sign = r.get(j, j) < 0 ? -gain : gain;
                for (int i = 0; i < tall; i++) {
                    double entry = sign * q.get(i, j);
                    if (fanIn >= fanOut) {
                        w.set(i, j, entry);
                    } else {
                        w.set(j, i, entry);
                    }
                }
            }
            return w;
        }
    }

    /**
     * Glorot (Xavier) uniform (Glorot and Bengio, "Understanding the difficulty of training
     * deep feedforward neural networks", 2010): W_ij ~ U(−a, a) with a = √(6 / (fanIn + fanOut)),
     * so Var W_ij = 2 / (fanIn + fanOut).
     */
    record GlorotUniform() implements Init {

        @Override
        public DMatrixRMaj weight(int fanIn, int fanOut, Rng rng) {
            requirePositive(fanIn, fanOut);
            double bound = Math.sqrt(6.0 / (fanIn + fanOut));
            DMatrixRMaj w = new DMatrixRMaj(fanIn, fanOut);
            for (int i = 0; i < w.data.length; i++) {
                w.data[i] = bound * (2 * rng.nextDouble() - 1);
            }
            return w;
        }
    }

    /**
     * He normal (He, Zhang, Ren and Sun, "Delving deep into rectifiers", 2015):
     * W_ij ~ N(0, 2 / fanIn), which keeps the second moment of ReLU activations constant.
     */
    record HeNormal() implements Init {

        @Override
        public DMatrixRMaj weight(int fanIn, int fanOut, Rng rng) {
            requirePositive(fanIn, fanOut);
            DMatrixRMaj w = rng.gaussian(fanIn, fanOut);
            double std = Math.sqrt(2.0 / fanIn);
            for (int i = 0; i < w.data.length; i++) {
                w.data[i] *= std;
            }
            return w;
        }
    }

    private static void requirePositive(int fanIn, int fanOut) {
        if (fanIn < 1 || fanOut < 1) {
            throw new IllegalArgumentException("Init: a weight needs at least one row and one "
                    + "column, got fanIn " + fanIn + ", fanOut " + fanOut);
        }
    }
}
