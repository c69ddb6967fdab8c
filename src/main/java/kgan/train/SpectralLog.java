package kgan.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import kgan.data.AtomicFiles;
import kgan.autodiff.Tensor;
import kgan.dynamics.Arnoldi;
import kgan.dynamics.VectorField;
import kgan.game.Batch;
import kgan.game.KernelGuidedGame;
import kgan.linalg.Rng;

/**
 * spectral.csv: every {@code --spectral-every} steps, the rightmost eigenvalues of the game
 * Jacobian at the current state, by Arnoldi on J v products (Krylov dimension up to 20,
 * two restarts), on one batch drawn once from a source of its own, so that logging them
 * changes neither the training batches nor any other output.
 */
final class SpectralLog {

    static final String FILE = "spectral.csv";
    private static final String HEADER = "step,spectral_abscissa,re_1,im_1,residual_1,"
            + "re_2,im_2,residual_2,re_3,im_3,residual_3";
    private static final int KRYLOV = 20;

    private final Path file;
    private final Batch batch;
    private final List<String> rows = new ArrayList<>();

    SpectralLog(TrainConfig config, RunModel model, Path folder) {
        this.file = folder.resolve(FILE);
        if (config.spectralEvery() == 0) {
            this.batch = null;
            return;
        }
        // A fixed offset from the run's seed: a separate stream, the same on every resume.
        Rng rng = new Rng(config.seed() + 0x5bd1e995L);
        int n = config.batchSize();
        Tensor data = Tensor.constant(model.dataset().sample(n, rng));
        Tensor latent = Tensor.constant(rng.gaussian(n, model.latentDim()));
        Tensor mixing = null;
        if (config.gradientPenalty() > 0) {
            org.ejml.data.DMatrixRMaj eps = new org.ejml.data.DMatrixRMaj(n, 1);
            for (int i = 0; i < n; i++) {
                eps.data[i] = rng.nextDouble();
            }
            mixing = Tensor.constant(eps);
        }
        this.batch = new Batch(data, latent, mixing);
    }

    /** Keeps the rows of an earlier run up to the checkpoint's step. */
    void resumeAt(int step) {
        if (batch != null && Files.exists(file)) {
            rows.addAll(MetricsTable.rowsUpTo(file, step));
        }
    }

    /** Appends the estimate at {@code step} and rewrites the file atomically. */
    void record(int step, KernelGuidedGame game) {
        VectorField field = new VectorField(game, batch);
        Arnoldi.Result r = Arnoldi.rightmost(field.linearise(), KRYLOV, 3, 2, step);
        StringBuilder row = new StringBuilder().append(step).append(',')
                .append(r.spectralAbscissa());
        for (int k = 0; k < 3; k++) {
            boolean has = k < r.real().length;
            row.append(',').append(has ? r.real()[k] : "")
                    .append(',').append(has ? r.imaginary()[k] : "")
                    .append(',').append(has ? r.residual()[k] : "");
        }
        rows.add(row.toString());
        AtomicFiles.writeString(file, HEADER + "\n" + String.join("\n", rows) + "\n");
    }
}
