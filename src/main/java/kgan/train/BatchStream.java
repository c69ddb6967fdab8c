package kgan.train;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import kgan.game.Batch;
import kgan.linalg.Rng;

/**
 * A run's training batches, each drawn on a background thread while the step before it runs,
 * so that the step does not wait for its Gaussian draws. The numbers are those of drawing
 * each batch when it is asked for: one thread at a time draws from the run's source, batch
 * after batch in the same order, and nothing else draws from that source during training.
 * Since the source is one batch ahead, {@link #state()} gives its state as it was before the
 * batch drawn ahead: a checkpoint saves that, and a resumed run draws that batch again.
 */
public final class BatchStream implements Supplier<Batch>, AutoCloseable {

    private final Supplier<Batch> draw;
    private final Rng rng;
    private final ExecutorService ahead = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kgan-batches");
        t.setDaemon(true);
        return t;
    });
    private Future<Batch> next;
    private byte[] stateBeforeNext;

    /** Batches from {@code draw}, which draws from {@code rng} and only from it. */
    public BatchStream(Supplier<Batch> draw, Rng rng) {
        this.draw = draw;
        this.rng = rng;
    }

    /** The next batch; starts drawing the one after it. */
    @Override
    public Batch get() {
        Batch batch = next == null ? draw.get() : join(next);
        stateBeforeNext = rng.saveState();
        next = ahead.submit(draw::get);
        return batch;
    }

    /** The source's state after the batches handed out so far (none drawn ahead). */
    public byte[] state() {
        return next == null ? rng.saveState() : stateBeforeNext.clone();
    }

    /**
     * Stops the background thread once the batch being drawn ahead is drawn (a few
     * milliseconds), so that nothing draws from the source after this returns.
     */
    @Override
    public void close() {
        ahead.shutdown();
        try {
            if (!ahead.awaitTermination(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("a batch took over a minute to draw");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Batch join(Future<Batch> batch) {
        try {
            return batch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while drawing a batch", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("drawing a batch failed", e.getCause());
        }
    }
}
