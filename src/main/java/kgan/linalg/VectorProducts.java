package kgan.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API kernel of {@link Products}: blocks of 4 rows by two vectors of columns held
 * in registers across the whole sum over k. Loaded only when the JVM has the
 * jdk.incubator.vector module.
 */
final class VectorProducts {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    private VectorProducts() {
    }

    /** Rows [from, to) of C = A B, as {@link Products#mult} describes. c: Modified. */
    static void rows(double[] a, int rs, int ds, double[] b, double[] c, int depth, int n,
            int from, int to) {
        int i = from;
        for (; i + 4 <= to; i += 4) {
            fourRows(a, rs, ds, b, c, depth, n, i);
        }
        for (; i < to; i++) {
            oneRow(a, rs, ds, b, c, depth, n, i);
        }
    }

    /**
     * Rows [from, to) of C = A B for a narrow C (fewer than two vectors of columns) whose A
     * is contiguous down its columns (depth stride ≠ 1, row stride 1, as Aᵀ B reads it): the
     * lanes run across i, so that each k reads a contiguous run of A. c: Modified.
     */
    static void narrowRows(double[] a, int ds, double[] b, double[] c, int depth, int n,
            int from, int to) {
        double[] lanes = new double[4 * LANES];
        int i = from;
        for (; i + 4 * LANES <= to; i += 4 * LANES) {
            for (int j = 0; j < n; j++) {
                double b0 = b[j];
                DoubleVector s0 = DoubleVector.fromArray(SPECIES, a, i).mul(b0);
                DoubleVector s1 = DoubleVector.fromArray(SPECIES, a, i + LANES).mul(b0);
                DoubleVector s2 = DoubleVector.fromArray(SPECIES, a, i + 2 * LANES).mul(b0);
                DoubleVector s3 = DoubleVector.fromArray(SPECIES, a, i + 3 * LANES).mul(b0);
                for (int k = 1; k < depth; k++) {
                    int ak = k * ds + i;
                    double bk = b[k * n + j];
                    s0 = s0.add(DoubleVector.fromArray(SPECIES, a, ak).mul(bk));
                    s1 = s1.add(DoubleVector.fromArray(SPECIES, a, ak + LANES).mul(bk));
                    s2 = s2.add(DoubleVector.fromArray(SPECIES, a, ak + 2 * LANES).mul(bk));
                    s3 = s3.add(DoubleVector.fromArray(SPECIES, a, ak + 3 * LANES).mul(bk));
                }
                s0.intoArray(lanes, 0);
                s1.intoArray(lanes, LANES);
                s2.intoArray(lanes, 2 * LANES);
                s3.intoArray(lanes, 3 * LANES);
                for (int l = 0; l < 4 * LANES; l++) {
                    c[(i + l) * n + j] = lanes[l];
                }
            }
        }
        Products.plainRows(a, 1, ds, b, c, depth, n, i, to);
    }

    private static void fourRows(double[] a, int rs, int ds, double[] b, double[] c, int depth,
            int n, int i) {
        int a0 = i * rs;
        int a1 = a0 + rs;
        int a2 = a1 + rs;
        int a3 = a2 + rs;
        int c0 = i * n;
        int j = 0;
        for (; j + 2 * LANES <= n; j += 2 * LANES) {
            DoubleVector bl = DoubleVector.fromArray(SPECIES, b, j);
            DoubleVector br = DoubleVector.fromArray(SPECIES, b, j + LANES);
            DoubleVector x0 = DoubleVector.broadcast(SPECIES, a[a0]);
            DoubleVector x1 = DoubleVector.broadcast(SPECIES, a[a1]);
            DoubleVector x2 = DoubleVector.broadcast(SPECIES, a[a2]);
            DoubleVector x3 = DoubleVector.broadcast(SPECIES, a[a3]);
            DoubleVector s0l = x0.mul(bl);
            DoubleVector s0r = x0.mul(br);
            DoubleVector s1l = x1.mul(bl);
            DoubleVector s1r = x1.mul(br);
            DoubleVector s2l = x2.mul(bl);
            DoubleVector s2r = x2.mul(br);
            DoubleVector s3l = x3.mul(bl);
            DoubleVector s3r = x3.mul(br);
            for (int k = 1; k < depth; k++) {
                int bk = k * n + j;
                int ak = k * ds;
                bl = DoubleVector.fromArray(SPECIES, b, bk);
                br = DoubleVector.fromArray(SPECIES, b, bk + LANES);
                x0 = DoubleVector.broadcast(SPECIES, a[a0 + ak]);
                x1 = DoubleVector.broadcast(SPECIES, a[a1 + ak]);
                x2 = DoubleVector.broadcast(SPECIES, a[a2 + ak]);
                x3 = DoubleVector.broadcast(SPECIES, a[a3 + ak]);
                s0l = s0l.add(x0.mul(bl));
                s0r = s0r.add(x0.mul(br));
                s1l = s1l.add(x1.mul(bl));
                s1r = s1r.add(x1.mul(br));
                s2l = s2l.add(x2.mul(bl));
                s2r = s2r.add(x2.mul(br));
                s3l = s3l.add(x3.mul(bl));
                s3r = s3r.add(x3.mul(br));
            }
            s0l.intoArray(c, c0 + j);
            s0r.intoArray(c, c0 + j + LANES);
            s1l.intoArray(c, c0 + n + j);
            s1r.intoArray(c, c0 + n + j + LANES);
            s2l.intoArray(c, c0 + 2 * n + j);
            s2r.intoArray(c, c0 + 2 * n + j + LANES);
            s3l.intoArray(c, c0 + 3 * n + j);
            s3r.intoArray(c, c0 + 3 * n + j + LANES);
        }
        for (; j + LANES <= n; j += LANES) {
            DoubleVector bv = DoubleVector.fromArray(SPECIES, b, j);
            DoubleVector s0 = DoubleVector.broadcast(SPECIES, a[a0]).mul(bv);
            DoubleVector s1 = DoubleVector.broadcast(SPECIES, a[a1]).mul(bv);
            DoubleVector s2 = DoubleVector.broadcast(SPECIES, a[a2]).mul(bv);
            DoubleVector s3 = DoubleVector.broadcast(SPECIES, a[a3]).mul(bv);
            for (int k = 1; k < depth; k++) {
                int ak = k * ds;
                bv = DoubleVector.fromArray(SPECIES, b, k * n + j);
                s0 = s0.add(DoubleVector.broadcast(SPECIES, a[a0 + ak]).mul(bv));
                s1 = s1.add(DoubleVector.broadcast(SPECIES, a[a1 + ak]).mul(bv));
                s2 = s2.add(DoubleVector.broadcast(SPECIES, a[a2 + ak]).mul(bv));
                s3 = s3.add(DoubleVector.broadcast(SPECIES, a[a3 + ak]).mul(bv));
            }
            s0.intoArray(c, c0 + j);
            s1.intoArray(c, c0 + n + j);
            s2.intoArray(c, c0 + 2 * n + j);
            s3.intoArray(c, c0 + 3 * n + j);
        }
        for (; j < n; j++) {
            double s0 = a[a0] * b[j];
            double s1 = a[a1] * b[j];
            double s2 = a[a2] * b[j];
            double s3 = a[a3] * b[j];
            for (int k = 1; k < depth; k++) {
                int ak = k * ds;
                double bkj = b[k * n + j];
                s0 += a[a0 + ak] * bkj;
                s1 += a[a1 + ak] * bkj;
                s2 += a[a2 + ak] * bkj;
                s3 += a[a3 + ak] * bkj;
            }
            c[c0 + j] = s0;
            c[c0 + n + j] = s1;
            c[c0 + 2 * n + j] = s2;
            c[c0 + 3 * n + j] = s3;
        }
    }

    private static void oneRow(double[] a, int rs, int ds, double[] b, double[] c, int depth,
            int n, int i) {
        int a0 = i * rs;
        int c0 = i * n;
        int j = 0;
        for (; j + LANES <= n; j += LANES) {
            DoubleVector s = DoubleVector.broadcast(SPECIES, a[a0])
                    .mul(DoubleVector.fromArray(SPECIES, b, j));
            for (int k = 1; k < depth; k++) {
                s = s.add(DoubleVector.broadcast(SPECIES, a[a0 + k * ds])
                        .mul(DoubleVector.fromArray(SPECIES, b, k * n + j)));
            }
            s.intoArray(c, c0 + j);
        }
        for (; j < n; j++) {
            double s = a[a0] * b[j];
            for (int k = 1; k < depth; k++) {
                s += a[a0 + k * ds] * b[k * n + j];
            }
            c[c0 + j] = s;
        }
    }
}
