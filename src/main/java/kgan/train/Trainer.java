package kgan.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ejml.data.DMatrixRMaj;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import kgan.data.AtomicFiles;
import kgan.autodiff.Tensor;
import kgan.dynamics.Integrator;
import kgan.game.KernelGuidedGame;
import kgan.game.Objectives;
import kgan.game.Player;
import kgan.linalg.ProductBackend;
import kgan.linalg.Rng;
import kgan.optim.Optimizer;
import kgan.optim.OptimizerState;
import kgan.plot.Progress;

/**
 * Runs the kernel-guided game for the configured number of steps: steps along the game's
 * field through the integrator, evaluates every {@code evalEvery} steps (metrics row, plot,
 * checkpoint), and writes a summary at the end. Everything it writes is written atomically,
 * so a run killed half way leaves its last checkpoint and metrics readable, and
 * {@link #resume} continues it to the same numbers as an uninterrupted run.
 */
public final class Trainer {

    /** Exit status of a run stopped because an objective stopped being finite. */
    public static final int DIVERGED = 3;

    static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final TrainConfig config;
    private final Path folder;
    private final RunModel model;
    private final Integrator integrator;
    private final Rng rng;
    private final Evaluation evaluation;
    private final List<String> metricRows = new ArrayList<>();
    private final SpectralLog spectral;
    private int step;
    private int checkpointStep = -1;

    private Trainer(TrainConfig config, Path folder) {
        this.config = config;
        this.folder = folder;
        this.rng = new Rng(config.seed());
        this.model = RunModel.build(config, rng);
        this.integrator = model.integrator(config);
        this.evaluation = new Evaluation(config, model);
        this.spectral = new SpectralLog(config, model, folder);
    }

    /** A new run in {@code folder}, which must be absent or empty unless overwriting. */
    public static Trainer start(TrainConfig config, Path folder, boolean overwrite) {
        config.validate();
        Trainer trainer = new Trainer(config, folder);
        RunFolder.prepare(folder, overwrite);
        AtomicFiles.writeString(folder.resolve(RunFolder.CONFIG), toJson(config));
        return trainer;
    }

    /**
     * Continues the run in {@code folder} from its checkpoint, optionally to a new step count
     * (null keeps the configured one).
     */
    public static Trainer resume(Path folder, Integer steps) {
        TrainConfig config = readConfig(folder.resolve(RunFolder.CONFIG));
        if (steps != null) {
            config.setSteps(steps);
        }
        config.validate();
        Trainer trainer = new Trainer(config, folder);
        Path file = folder.resolve(RunFolder.CHECKPOINT);
        Checkpoint checkpoint = Checkpoint.read(file);
        trainer.restore(file, checkpoint);
        if (checkpoint.step() == config.steps()) {
            throw new InvalidInputException("--resume " + folder + ": the run is already at "
                    + "its last step, " + checkpoint.step() + "; pass --steps with a larger "
                    + "count to extend it");
        }
        trainer.metricRows.addAll(MetricsTable.rowsUpTo(folder.resolve(RunFolder.METRICS),
                checkpoint.step()));
        trainer.spectral.resumeAt(checkpoint.step());
        if (steps != null) {
            AtomicFiles.writeString(folder.resolve(RunFolder.CONFIG), toJson(config));
        }
        return trainer;
    }

    /** A finished or interrupted run, restored from its checkpoint, for sampling. */
    public static Trainer load(Path folder) {
        TrainConfig config = readConfig(folder.resolve(RunFolder.CONFIG));
        config.validate();
        Trainer trainer = new Trainer(config, folder);
        Path file = folder.resolve(RunFolder.CHECKPOINT);
        trainer.restore(file, Checkpoint.read(file));
        return trainer;
    }

    /** Reads a run's config.json. */
    public static TrainConfig readConfig(Path file) {
        try {
            return JSON.readValue(Files.readAllBytes(file), TrainConfig.class);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + " does not exist; is "
                    + file.getParent() + " a run folder?");
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(file + " is not a valid run configuration: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidInputException(file + " cannot be read: " + e.getMessage());
        }
    }

    /** Trains to the configured step count and returns the summary. */
    public Summary run() {
        long started = System.nanoTime();
        int first = step;
        try (BatchStream batches = new BatchStream(model.batches(config, rng), rng);
                Progress progress = Progress.start("train", config.steps(), step)) {
            while (step < config.steps()) {
                Objectives objectives = integrator.step(model.game(), batches);
                Player broken = objectives.firstNonFinite();
                if (broken != null) {
                    throw new DivergedException(step + 1, broken, checkpointStep);
                }
                step++;
                if (config.spectralEvery() > 0 && step % config.spectralEvery() == 0) {
                    spectral.record(step, model.game());
                }
                if (step % config.evalEvery() == 0 || step == config.steps()) {
                    Map<String, Double> metrics = evaluate(objectives, batches.state());
                    progress.setExtraMessage(Evaluation.brief(metrics));
                }
                progress.stepTo(step);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Summary summary = Summary.of(config, folder, step, step - first, seconds,
                evaluation.lastMetrics());
        AtomicFiles.writeString(folder.resolve(RunFolder.SUMMARY), toJson(summary));
        return summary;
    }

    /**
     * Metrics row, plots, checkpoint: in that order, each written atomically. rngState: the
     * training source's state after the batches used so far.
     */
    private Map<String, Double> evaluate(Objectives objectives, byte[] rngState) {
        Map<String, Double> metrics = evaluation.evaluate(step, objectives);
        metricRows.add(MetricsTable.row(step, metrics));
        AtomicFiles.writeString(folder.resolve(RunFolder.METRICS),
                MetricsTable.render(evaluation.columns(), metricRows));
        evaluation.plot(folder.resolve(RunFolder.PLOTS), step);
        evaluation.plotCurves(folder.resolve(RunFolder.PLOTS), metricRows);
        checkpoint(rngState).write(folder.resolve(RunFolder.CHECKPOINT));
        checkpointStep = step;
        return metrics;
    }

    private Checkpoint checkpoint(byte[] rngState) {
        Map<Player, List<Tensor>> parameters = new EnumMap<>(Player.class);
        Map<Player, OptimizerState> states = new EnumMap<>(Player.class);
        for (Player player : Player.values()) {
            parameters.put(player, model.game().parameters(player));
            Optimizer optimizer = integrator.optimizers().get(player);
            if (optimizer != null) {
                states.put(player, optimizer.state());
            }
        }
        return Checkpoint.capture(step, model.dataset().dimension(), parameters, states,
                rngState);
    }

    private void restore(Path file, Checkpoint checkpoint) {
        int d = model.dataset().dimension();
        if (checkpoint.dataDimension() != d) {
            throw new InvalidInputException("checkpoint " + file + " was trained on "
                    + checkpoint.dataDimension() + "-dimensional data, but --data "
                    + config.data() + " has dimension " + d);
        }
        String products = ProductBackend.active().label();
        if (!checkpoint.products().equals(products)) {
            throw new InvalidInputException("checkpoint " + file + " was computed with "
                    + ProductBackend.VARIABLE + "=" + checkpoint.products() + ", but this run "
                    + "has " + ProductBackend.VARIABLE + "=" + products + "; resume with "
                    + checkpoint.products() + " (the two differ in the last bits)");
        }
        for (Player player : Player.values()) {
            checkpoint.restoreInto(file, player, model.game().parameters(player));
            Optimizer optimizer = integrator.optimizers().get(player);
            OptimizerState state = checkpoint.optimizers().get(player);
            if (optimizer != null && state != null) {
                try {
                    optimizer.restore(state, model.game().parameters(player));
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException("checkpoint " + file + ": the "
                            + player.name().toLowerCase(Locale.ROOT) + "'s optimiser state "
                            + "does not fit: " + e.getMessage());
                }
            }
        }
        try {
            rng.restoreState(checkpoint.rngState());
        } catch (RuntimeException e) {
            throw new InvalidInputException("checkpoint " + file
                    + ": the random source's state is malformed");
        }
        step = checkpoint.step();
        checkpointStep = step;
        if (step > config.steps()) {
            throw new InvalidInputException("checkpoint " + file + " is at step " + step
                    + ", past --steps " + config.steps());
        }
    }

    /** The generated points of the current generator for {@code n} latent draws. */
    public DMatrixRMaj sample(int n, Rng draws) {
        return model.sample(n, draws);
    }

    public Path folder() {
        return folder;
    }

    /** The run's settings. */
    public TrainConfig config() {
        return config;
    }

    /** The run's data, networks and game, at the restored or current state. */
    public RunModel model() {
        return model;
    }

    public int step() {
        return step;
    }

    static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass(), e);
        }
    }

    /** An objective stopped being finite. */
    public static final class DivergedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        /** checkpointStep: the step of the checkpoint kept, or −1 when there is none. */
        public DivergedException(int step, Player player, int checkpointStep) {
            super("training diverged at step " + step + ": the "
                    + player.name().toLowerCase(Locale.ROOT) + "'s objective is not finite; "
                    + (checkpointStep >= 0 ? "the checkpoint of step " + checkpointStep
                            + " is kept" : "no checkpoint was written yet")
                    + ". Try a smaller learning rate.");
        }
    }
}
