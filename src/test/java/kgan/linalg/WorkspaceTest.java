package kgan.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class WorkspaceTest {

    @Test
    void aSecondRunReusesTheArraysOfTheFirstZeroed() {
        Workspace workspace = new Workspace();
        DMatrixRMaj[] first = new DMatrixRMaj[2];
        workspace.run(() -> {
            first[0] = Dense.filled(3, 4, 7.0);
            first[1] = Dense.filled(2, 2, -1.0);
            return null;
        });
        double[] reusedBig = first[0].data;
        double[] reusedSmall = first[1].data;

        workspace.run(() -> {
            DMatrixRMaj small = Dense.zeros(2, 2);
            DMatrixRMaj big = Dense.zeros(4, 3);
            assertThat(small.data).isSameAs(reusedSmall).containsOnly(0.0);
            assertThat(big.data).isSameAs(reusedBig).containsOnly(0.0);
            assertThat(big.numRows).isEqualTo(4);
            assertThat(big.numCols).isEqualTo(3);
            // A third matrix of a size already lent gets an array of its own.
            assertThat(Dense.zeros(2, 2).data).isNotSameAs(reusedSmall);
            return null;
        });
        assertThat(workspace.bytes()).isEqualTo(8L * (12 + 4 + 4));
    }

    @Test
    void outsideARunEveryMatrixIsNew() {
        Workspace workspace = new Workspace();
        double[] lent = workspace.run(() -> Dense.zeros(2, 3).data);
        assertThat(Dense.zeros(2, 3).data).isNotSameAs(lent);
    }

    @Test
    void aPoisonedWorkspaceFillsWhatComesBackWithNaN() {
        Workspace workspace = new Workspace(true);
        DMatrixRMaj kept = workspace.run(() -> Dense.filled(2, 2, 1.0));
        assertThat(kept.data).containsOnly(Double.NaN);
    }

    @Test
    void theArraysComeBackWhenTheBodyThrows() {
        Workspace workspace = new Workspace();
        double[][] lent = new double[1][];
        assertThatThrownBy(() -> workspace.run(() -> {
            lent[0] = Dense.zeros(5, 1).data;
            throw new IllegalStateException("body failed");
        })).hasMessage("body failed");
        assertThat(workspace.run(() -> Dense.zeros(5, 1).data)).isSameAs(lent[0]);
    }

    @Test
    void workspacesDoNotNest() {
        Workspace outer = new Workspace();
        assertThatThrownBy(() -> outer.run(() -> new Workspace().run(() -> 0)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already running");
        // The failed inner run left the outer one's thread free again.
        assertThat(outer.run(() -> 1)).isEqualTo(1);
    }

    @Test
    void aWorkspaceRunsOnOneThreadAtATime() throws Exception {
        Workspace shared = new Workspace();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread first = new Thread(() -> shared.run(() -> {
            entered.countDown();
            awaitUninterruptibly(release);
            return 0;
        }));
        first.start();
        entered.await();
        try {
            assertThatThrownBy(() -> shared.run(() -> 0))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("another thread");
        } finally {
            release.countDown();
            first.join();
        }
        // Once the first thread's run has ended, the workspace is free for this one.
        assertThat(shared.run(() -> 2)).isEqualTo(2);
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
