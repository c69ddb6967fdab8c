package kgan.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

class ParallelTest {

    /**
     * When this thread's rows fail, split still waits for the helper's rows before it throws:
     * they may write into an array that a workspace lends for one step only.
     */
    @Test
    void aFailureOnThisThreadWaitsForTheHelpersRows() {
        AtomicBoolean helperFinished = new AtomicBoolean();
        Thread caller = Thread.currentThread();
        assertThatThrownBy(() -> Parallel.split(0, 1, 2, (from, to) -> {
            if (Thread.currentThread() == caller && from == 0) {
                throw new IllegalArgumentException("this thread's rows failed");
            }
            sleep(200);
            helperFinished.set(true);
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("this thread's rows failed");
        // With one thread (-Dkgan.threads=1) every row runs here and fails before the rest.
        assertThat(helperFinished.get()).isEqualTo(Parallel.threadsUsed() == 2);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
