package kgan.linalg;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.ejml.data.DMatrixRMaj;

/**
 * The arrays behind the matrices that {@link Dense} returns, kept from one run of a
 * computation to the next, so that a computation repeated with the same shapes (a training
 * step) allocates nothing once it has run once.
 *
 * <p>While {@link #run} executes its body on a thread, every matrix {@link Dense} makes on
 * that thread takes an array of its size from this workspace instead of a new one; when the
 * body returns (or throws), every array it took goes back. So nothing the body made with
 * {@link Dense} may be used after it returns: the body must hand out only plain values
 * (numbers) or copies made outside. An array is zeroed before it is lent again unless the
 * operation writes every entry before reading any, so the numbers are those of fresh arrays.
 *
 * <p>A workspace runs one body at a time, on one thread, and does not nest. Other threads (a
 * product's helper thread, a batch drawn ahead) allocate as usual.
 *
 * <p>The cost is memory: every array a run made is held until it ends (the temporaries as
 * well as the results), and kept for the next run, so a workspace holds the peak of one run
 * (for a training step with k discriminator steps, all of their passes) for as long as it
 * lives. Long-lived state (parameters, optimiser buffers) must not come from {@link Dense}
 * inside a run: it takes {@code new DMatrixRMaj}.
 */
public final class Workspace {

    private static final ThreadLocal<Workspace> CURRENT = new ThreadLocal<>();

    /**
     * The system property that poisons returned arrays with NaN, for tests: a matrix used
     * after its run, or an entry an operation read before writing, then shows as NaN.
     */
    public static final String POISON_PROPERTY = "kgan.workspace.poison";

    private final Map<Integer, ArrayDeque<double[]>> free = new HashMap<>();
    private final List<double[]> lent = new ArrayList<>();
    private final boolean poison;
    private final AtomicBoolean running = new AtomicBoolean();
    private long lentBytes;

    public Workspace() {
        this(Boolean.getBoolean(POISON_PROPERTY));
    }

    /**
     * @param poison fill each array with NaN when it comes back (see {@link #POISON_PROPERTY})
     */
    Workspace(boolean poison) {
        this.poison = poison;
    }

    /**
     * Runs {@code body} with this workspace lending the arrays of every matrix {@link Dense}
     * makes on this thread, and takes them all back when it ends.
     *
     * @throws IllegalStateException when a workspace is already running on this thread, or
     *                               this workspace is running on another
     */
    public <T> T run(Supplier<T> body) {
        if (CURRENT.get() != null) {
            throw new IllegalStateException("a workspace is already running on this thread");
        }
        if (!running.compareAndSet(false, true)) {
            throw new IllegalStateException("this workspace is already running on another thread");
        }
        CURRENT.set(this);
        try {
            return body.get();
        } finally {
            CURRENT.remove();
            takeBack();
            running.set(false);
        }
    }

    /** Whether returned arrays are filled with NaN (see {@link #POISON_PROPERTY}). */
    public boolean poisoned() {
        return poison;
    }

    /** Bytes of the arrays this workspace holds (lent or free). */
    public long bytes() {
        long total = lentBytes;
        for (ArrayDeque<double[]> arrays : free.values()) {
            for (double[] a : arrays) {
                total += 8L * a.length;
            }
        }
        return total;
    }

    /**
     * A zeroed r×c matrix: its array comes from the workspace running on this thread, or is
     * new when none is.
     */
    static DMatrixRMaj zeros(int rows, int cols) {
        return matrix(rows, cols, true);
    }

    /**
     * An r×c matrix for an operation that writes every entry before it reads any: a lent
     * array is not zeroed (it holds what its last user left there). New when no workspace
     * runs on this thread.
     */
    static DMatrixRMaj overwritten(int rows, int cols) {
        return matrix(rows, cols, false);
    }

    private static DMatrixRMaj matrix(int rows, int cols, boolean zeroed) {
        Workspace w = CURRENT.get();
        if (w == null) {
            return new DMatrixRMaj(rows, cols);
        }
        return DMatrixRMaj.wrap(rows, cols, w.lend(rows * cols, zeroed));
    }

    private double[] lend(int length, boolean zeroed) {
        ArrayDeque<double[]> arrays = free.get(length);
        double[] a = arrays == null ? null : arrays.pollLast();
        if (a == null) {
            a = new double[length];
        } else if (zeroed) {
            Arrays.fill(a, 0.0);
        }
        lent.add(a);
        lentBytes += 8L * length;
        return a;
    }

    private void takeBack() {
        for (double[] a : lent) {
            if (poison) {
                Arrays.fill(a, Double.NaN);
            }
            free.computeIfAbsent(a.length, n -> new ArrayDeque<>()).addLast(a);
        }
        lent.clear();
        lentBytes = 0;
    }
}
