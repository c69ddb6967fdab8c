package kgan.linalg;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Splits a loop over rows between the calling thread and one helper thread. Only work whose
 * rows are independent is split: each entry is computed by one thread in the order it would
 * be computed alone, so the result is the same bit for bit on one thread or two.
 */
public final class Parallel {

    /** The threads a split uses: the system property kgan.threads, else min(2, cores). */
    static final int THREADS = threads();

    private static final ExecutorService HELPER = THREADS < 2 ? null
            : Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "kgan-helper");
                t.setDaemon(true);
                return t;
            });

    private Parallel() {
    }

    /** Rows [from, to) of some computation. */
    @FunctionalInterface
    public interface Rows {
        void run(int from, int to);
    }

    /** True when a helper thread is there to split work with. */
    public static boolean available() {
        return HELPER != null;
    }

    /**
     * Runs rows [from, split) on this thread and [split, to) on the helper, and returns when
     * both are done; runs all of them here when there is no helper.
     */
    public static void split(int from, int split, int to, Rows rows) {
        if (HELPER == null || split <= from || split >= to) {
            rows.run(from, to);
            return;
        }
        Future<?> other = HELPER.submit(() -> rows.run(split, to));
        rows.run(from, split);
        try {
            other.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("parallel rows interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("parallel rows failed", cause);
        }
    }

    private static int threads() {
        String property = System.getProperty("kgan.threads");
        if (property != null) {
            try {
                return Math.max(1, Integer.parseInt(property.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("system property kgan.threads is \""
                        + property + "\"; expected a whole number ≥ 1", e);
            }
        }
        return Math.min(2, Runtime.getRuntime().availableProcessors());
    }
}
