package kgan.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Supplier;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import kgan.autodiff.Tensor;
import kgan.game.Batch;
import kgan.linalg.Rng;

class BatchStreamTest {

    private static Supplier<Batch> draws(Rng rng) {
        return () -> new Batch(Tensor.constant(rng.gaussian(5, 2)),
                Tensor.constant(rng.gaussian(5, 3)));
    }

    @Test
    void drawsAheadTheBatchesOfDrawingOnDemandBitForBit() {
        Rng plain = new Rng(7);
        Supplier<Batch> onDemand = draws(plain);
        Rng ahead = new Rng(7);
        try (BatchStream stream = new BatchStream(draws(ahead), ahead)) {
            for (int t = 0; t < 20; t++) {
                Batch expected = onDemand.get();
                Batch actual = stream.get();
                assertThat(actual.data().value().data).isEqualTo(expected.data().value().data);
                assertThat(actual.latent().value().data)
                        .isEqualTo(expected.latent().value().data);
            }
        }
    }

    @Test
    void stateIsTheSourcesStateAfterTheBatchesHandedOut() {
        Rng plain = new Rng(11);
        Supplier<Batch> onDemand = draws(plain);
        Rng ahead = new Rng(11);
        try (BatchStream stream = new BatchStream(draws(ahead), ahead)) {
            assertThat(stream.state()).isEqualTo(plain.saveState());
            for (int t = 0; t < 3; t++) {
                onDemand.get();
                stream.get();
                assertThat(stream.state()).isEqualTo(plain.saveState());
            }

            // A run resumed from that state draws the batch the stream drew ahead.
            Rng resumed = new Rng(0);
            resumed.restoreState(stream.state());
            DMatrixRMaj next = draws(resumed).get().data().value();
            assertThat(next.data).isEqualTo(stream.get().data().value().data);
        }
    }

    @Test
    void aFailedDrawReachesTheCallerAsItself() {
        Rng rng = new Rng(3);
        int[] calls = {0};
        Supplier<Batch> failing = () -> {
            if (++calls[0] == 2) {
                throw new IllegalArgumentException("no second batch");
            }
            return draws(rng).get();
        };
        try (BatchStream stream = new BatchStream(failing, rng)) {
            stream.get();
            assertThatThrownBy(stream::get).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("no second batch");
        }
    }
}
