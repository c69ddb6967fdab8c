package kgan.linalg;

import java.util.concurrent.CancellationException;
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

    /** The system property that sets {@link #THREADS}. */
    public static final String PROPERTY = "kgan.threads";

    /**
     * The threads products and Gram matrices may use: the system property kgan.threads, else
     * min(2, cores). A split uses at most two (this one and one helper); 1 turns splitting
     * off. A malformed value counts as unset here: the command line stops on it first
     * ({@link #checkSettings()}).
     */
    static final int THREADS = threads(false);

    private static final ExecutorService HELPER = THREADS < 2 ? null
            : Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "kgan-helper");
                t.setDaemon(true);
                return t;
            });

    private Parallel() {
    }

    /** 2 when work is split with a helper thread, else 1. */
    static int threadsUsed() {
        return HELPER == null ? 1 : 2;
    }

    /** Rows [from, to) of some computation. */
    @FunctionalInterface
    public interface Rows {
        void run(int from, int to);
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
        try {
            rows.run(from, split);
        } catch (RuntimeException | Error e) {
            // The helper writes into the same output, which may be an array lent for one
            // step: let it finish before the failure leaves this call.
            awaitQuietly(other);
            throw e;
        }
        try {
            other.get();
        } catch (InterruptedException e) {
            awaitQuietly(other);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("parallel rows interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("parallel rows failed", cause);
        }
    }

    /** Waits for {@code work} to end, whatever its outcome, keeping this thread's interrupt. */
    private static void awaitQuietly(Future<?> work) {
        boolean interrupted = false;
        while (true) {
            try {
                work.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException | CancellationException e) {
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Checks the system property kgan.threads.
     *
     * @throws IllegalArgumentException naming the property, its value and what was expected
     */
    public static void checkSettings() {
        threads(true);
    }

    private static int threads(boolean strict) {
        String property = System.getProperty(PROPERTY);
        int fallback = Math.min(2, Runtime.getRuntime().availableProcessors());
        if (property == null) {
            return fallback;
        }
        try {
            int threads = Integer.parseInt(property.trim());
            if (threads >= 1) {
                return threads;
            }
        } catch (NumberFormatException e) {
            // Reported below, as for a count below 1.
        }
        if (strict) {
            throw new IllegalArgumentException("system property " + PROPERTY + " is \""
                    + property + "\"; expected a whole number ≥ 1");
        }
        return fallback;
    }
}
