package kgan.linalg;

import java.util.Arrays;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API kernel of {@link Products}: blocks of 4 rows by two vectors of columns held
 * in registers across a run of k. Loaded only when the JVM has the jdk.incubator.vector
 * module.
 *
 * <p>Large products pack their factors first ({@link #packedRows}): B, KC rows by NC
 * columns at a time, into panels of two vectors of columns stored k after k, and A, MC rows
 * by KC at a time, into strips of 4 rows stored k after k, so that the inner loop reads both
 * sequentially, the B panel from L1 and the A block from L2. Blocking over k stores each
 * entry's partial sum in C after one run of k and reloads it before the next; a double
 * stored and reloaded is unchanged, so the sum keeps its ascending order term by term. The
 * sums start from −0, the exact identity of IEEE addition (−0 + x = x for every x, +0 and
 * NaN included), so the first term enters unrounded as in a_i1 b_1j + a_i2 b_2j + …; one
 * kernel then serves every run of k, with no branch between its accumulators.
 */
final class VectorProducts {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    /** Columns of one B panel: two vectors. */
    private static final int NR = 2 * LANES;

    /** Rows of one A strip. */
    private static final int MR = 4;

    /** Depth of one block: a 256 × NR panel of B is 16 KiB with 4-lane vectors (L1). */
    private static final int KC = 256;

    /** Columns of one packed B block: KC × NC doubles are 256 KiB (half of L2). */
    private static final int NC = 128;

    /** Rows of one packed A block: MC × KC doubles are 128 KiB (L2, beside B's block). */
    private static final int MC = 64;

    /** Each thread's packing buffers, reused from product to product. */
    private static final ThreadLocal<double[][]> BUFFERS = ThreadLocal.withInitial(
            () -> new double[][] {new double[KC * NC], new double[MC * KC]});

    private VectorProducts() {
    }

    /** Columns of one B panel; {@link #packedRows} needs at least this many. */
    static int panelWidth() {
        return NR;
    }

    /**
     * Rows [from, to) of C = A B, as {@link Products#mult} describes, through packed blocks;
     * for n of at least two vectors. c: Modified.
     */
    static void packedRows(double[] a, int rs, int ds, double[] b, double[] c, int depth,
            int n, int from, int to) {
        double[][] buffers = BUFFERS.get();
        double[] bp = buffers[0];
        double[] ap = buffers[1];
        int panelled = n - n % NR;
        for (int i = from; i < to; i++) {
            Arrays.fill(c, i * n, i * n + panelled, -0.0);
        }
        for (int jc = 0; jc < panelled; jc += NC) {
            int nc = Math.min(NC, panelled - jc);
            for (int pc = 0; pc < depth; pc += KC) {
                int kc = Math.min(KC, depth - pc);
                packB(b, n, bp, pc, kc, jc, nc);
                for (int ic = from; ic < to; ic += MC) {
                    int mc = Math.min(MC, to - ic);
                    int strips = mc / MR;
                    packA(a, rs, ds, ap, ic, strips * MR, pc, kc);
                    for (int jr = 0; jr < nc; jr += NR) {
                        int panel = jr * kc;
                        for (int s = 0; s < strips; s++) {
                            kernel(ap, s * MR * kc, bp, panel, c, (ic + s * MR) * n + jc + jr,
                                    n, kc);
                        }
                        for (int i = ic + strips * MR; i < ic + mc; i++) {
                            rowOfPanel(a, i * rs + pc * ds, ds, bp, panel, c,
                                    i * n + jc + jr, kc);
                        }
                    }
                }
            }
        }
        if (panelled < n) {
            for (int i = from; i < to; i++) {
                tailOfRow(a, rs, ds, b, c, depth, n, i, panelled);
            }
        }
    }

    /** bp ← B[pc .. pc+kc, jc .. jc+nc] as NR-column panels, each k after k. */
    private static void packB(double[] b, int n, double[] bp, int pc, int kc, int jc,
            int nc) {
        int q = 0;
        for (int jr = 0; jr < nc; jr += NR) {
            for (int k = 0; k < kc; k++) {
                System.arraycopy(b, (pc + k) * n + jc + jr, bp, q, NR);
                q += NR;
            }
        }
    }

    /** ap ← A[ic .. ic+mc, pc .. pc+kc] as MR-row strips, each k after k; mc a multiple of MR. */
    private static void packA(double[] a, int rs, int ds, double[] ap, int ic, int mc, int pc,
            int kc) {
        if (rs == 1) {
            // Aᵀ B: A's rows lie side by side, so read each k's run of mc along the rows
            // (one stride of ds per k, not per strip: large strides alias in the cache).
            for (int k = 0; k < kc; k++) {
                int ak = ic + (pc + k) * ds;
                for (int s = 0; s < mc; s += MR) {
                    int q = s * kc + k * MR;
                    ap[q] = a[ak + s];
                    ap[q + 1] = a[ak + s + 1];
                    ap[q + 2] = a[ak + s + 2];
                    ap[q + 3] = a[ak + s + 3];
                }
            }
            return;
        }
        int q = 0;
        for (int s = 0; s < mc; s += MR) {
            int a0 = (ic + s) * rs + pc * ds;
            for (int k = 0; k < kc; k++) {
                int ak = a0 + k * ds;
                ap[q] = a[ak];
                ap[q + 1] = a[ak + rs];
                ap[q + 2] = a[ak + 2 * rs];
                ap[q + 3] = a[ak + 3 * rs];
                q += MR;
            }
        }
    }

    /**
     * The MR × NR block of C at c0 (row stride n), continued over one run of kc terms from
     * the partial sums C holds.
     */
    private static void kernel(double[] ap, int pa, double[] bp, int pb, double[] c, int c0,
            int n, int kc) {
        int c1 = c0 + n;
        int c2 = c1 + n;
        int c3 = c2 + n;
        DoubleVector s0l = DoubleVector.fromArray(SPECIES, c, c0);
        DoubleVector s0r = DoubleVector.fromArray(SPECIES, c, c0 + LANES);
        DoubleVector s1l = DoubleVector.fromArray(SPECIES, c, c1);
        DoubleVector s1r = DoubleVector.fromArray(SPECIES, c, c1 + LANES);
        DoubleVector s2l = DoubleVector.fromArray(SPECIES, c, c2);
        DoubleVector s2r = DoubleVector.fromArray(SPECIES, c, c2 + LANES);
        DoubleVector s3l = DoubleVector.fromArray(SPECIES, c, c3);
        DoubleVector s3r = DoubleVector.fromArray(SPECIES, c, c3 + LANES);
        for (int k = 0; k < kc; k++) {
            int bk = pb + k * NR;
            int ak = pa + k * MR;
            DoubleVector bl = DoubleVector.fromArray(SPECIES, bp, bk);
            DoubleVector br = DoubleVector.fromArray(SPECIES, bp, bk + LANES);
            DoubleVector x0 = DoubleVector.broadcast(SPECIES, ap[ak]);
            DoubleVector x1 = DoubleVector.broadcast(SPECIES, ap[ak + 1]);
            DoubleVector x2 = DoubleVector.broadcast(SPECIES, ap[ak + 2]);
            DoubleVector x3 = DoubleVector.broadcast(SPECIES, ap[ak + 3]);
            s0l = s0l.add(x0.mul(bl));
            s0r = s0r.add(x0.mul(br));
            s1l = s1l.add(x1.mul(bl));
            s1r = s1r.add(x1.mul(br));
            s2l = s2l.add(x2.mul(bl));
            s2r = s2r.add(x2.mul(br));
            s3l = s3l.add(x3.mul(bl));
            s3r = s3r.add(x3.mul(br));
        }
        s0l.intoArray(c, c0);
        s0r.intoArray(c, c0 + LANES);
        s1l.intoArray(c, c1);
        s1r.intoArray(c, c1 + LANES);
        s2l.intoArray(c, c2);
        s2r.intoArray(c, c2 + LANES);
        s3l.intoArray(c, c3);
        s3r.intoArray(c, c3 + LANES);
    }

    /** One row's NR entries at c0, continued over one run of kc terms, A read from a0. */
    private static void rowOfPanel(double[] a, int a0, int ds, double[] bp, int pb,
            double[] c, int c0, int kc) {
        DoubleVector sl = DoubleVector.fromArray(SPECIES, c, c0);
        DoubleVector sr = DoubleVector.fromArray(SPECIES, c, c0 + LANES);
        for (int k = 0; k < kc; k++) {
            DoubleVector x = DoubleVector.broadcast(SPECIES, a[a0 + k * ds]);
            sl = sl.add(x.mul(DoubleVector.fromArray(SPECIES, bp, pb + k * NR)));
            sr = sr.add(x.mul(DoubleVector.fromArray(SPECIES, bp, pb + k * NR + LANES)));
        }
        sl.intoArray(c, c0);
        sr.intoArray(c, c0 + LANES);
    }

    /** Row i's columns [from, n), fewer than NR, summed over the whole depth in place. */
    private static void tailOfRow(double[] a, int rs, int ds, double[] b, double[] c,
            int depth, int n, int i, int from) {
        int a0 = i * rs;
        for (int j = from; j < n; j++) {
            double s = a[a0] * b[j];
            for (int k = 1; k < depth; k++) {
                s += a[a0 + k * ds] * b[k * n + j];
            }
            c[i * n + j] = s;
        }
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
            narrowBlock(a, i, ds, b, c, i, depth, n, lanes);
        }
        Products.plainRows(a, 1, ds, b, c, depth, n, i, to);
    }

    /**
     * Rows [from, to) of C = A B for a narrow C whose A is row-major (depth stride 1): each
     * block of 4 vectors of rows is first copied k after k, then summed as in
     * {@link #narrowRows}, the lanes across i. c: Modified.
     */
    static void narrowRowsCopied(double[] a, int rs, double[] b, double[] c, int depth, int n,
            int from, int to) {
        int block = 4 * LANES;
        double[] lanes = new double[block];
        double[] strip = new double[block * depth];
        int i = from;
        for (; i + block <= to; i += block) {
            for (int r = 0; r < block; r++) {
                int ar = (i + r) * rs;
                for (int k = 0; k < depth; k++) {
                    strip[k * block + r] = a[ar + k];
                }
            }
            narrowBlock(strip, 0, block, b, c, i, depth, n, lanes);
        }
        rows(a, rs, 1, b, c, depth, n, i, to);
    }

    /**
     * Rows [row, row + 4 LANES) of a narrow C, a(row + r, k) = a[base + r + k ds]: the sums
     * in ascending k run in 4 vectors across the rows, one column of C at a time.
     */
    private static void narrowBlock(double[] a, int base, int ds, double[] b, double[] c,
            int row, int depth, int n, double[] lanes) {
        for (int j = 0; j < n; j++) {
            double b0 = b[j];
            DoubleVector s0 = DoubleVector.fromArray(SPECIES, a, base).mul(b0);
            DoubleVector s1 = DoubleVector.fromArray(SPECIES, a, base + LANES).mul(b0);
            DoubleVector s2 = DoubleVector.fromArray(SPECIES, a, base + 2 * LANES).mul(b0);
            DoubleVector s3 = DoubleVector.fromArray(SPECIES, a, base + 3 * LANES).mul(b0);
            for (int k = 1; k < depth; k++) {
                int ak = k * ds + base;
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
                c[(row + l) * n + j] = lanes[l];
            }
        }
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
