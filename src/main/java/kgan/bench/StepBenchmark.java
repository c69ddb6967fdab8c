package kgan.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import kgan.dynamics.Integrator;
import kgan.linalg.ProductBackend;
import kgan.linalg.Rng;
import kgan.train.BatchStream;
import kgan.train.RunModel;
import kgan.train.TrainConfig;
import picocli.CommandLine;

/**
 * Times the training step of the ring protocol, the step of the PyTorch peer benchmark: a
 * batch of n data and n generated points, latent dimension 256, generator 256-h-h-2 and
 * discriminator 2-h-1 on x/4 (ReLU), Adam (learning rate 1e-4, β₁ 0.5; witnesses 1e-3),
 * the non-saturating loss plus MMD² (Gaussian kernel, σ = 0.5, biased) plus the local
 * discrepancy at 8 learned witness points, alternating updates. These are the defaults of
 * {@code kgan train}; only n and h vary here.
 *
 * <p>After a warm-up (so that the JIT has compiled the step), the timed steps run in equal
 * windows; the result gives the median window's milliseconds per step and the fastest and
 * slowest windows, so that a busy machine shows as spread rather than as a slower median.
 */
public final class StepBenchmark {

    /**
     * @param batchSize n, points per batch
     * @param hidden    h, the width of every hidden layer
     * @param warmup    untimed steps first
     * @param steps     timed steps, split into {@code windows} windows
     * @param windows   how many windows to time
     * @param seed      the run's seed
     */
    public record Settings(int batchSize, int hidden, int warmup, int steps, int windows,
            long seed) {
    }

    /**
     * @param msPerStep      the median window's milliseconds per step
     * @param msPerStepMin   the fastest window's
     * @param msPerStepMax   the slowest window's
     * @param stepsPerSecond 1000 / msPerStep
     * @param cpuMsPerStep   CPU time of the whole process per timed step, ms: on a shared
     *                       machine it shows the work done apart from the waiting
     * @param bytesPerStep   heap bytes allocated per timed step, by all threads
     * @param peakRssKib     peak resident memory of the process (VmHWM), KiB; −1 if unknown
     * @param threads        threads a large product uses
     * @param vectorApi      whether the products use the JDK Vector API
     * @param blas           which code computed the products: java (kgan's kernels) or
     *                       native (the system's BLAS; see kgan.linalg.ProductBackend)
     */
    public record Result(Settings settings, double msPerStep, double msPerStepMin,
            double msPerStepMax, double stepsPerSecond, double cpuMsPerStep,
            double bytesPerStep, long peakRssKib,
            int threads, boolean vectorApi, String blas) {

        /** One line for a person. */
        public String line() {
            return String.format(Locale.ROOT, "kgan float64 batch=%d hidden=%d threads=%d "
                    + "vector=%s blas=%s: %.2f ms/step (windows %.2f–%.2f), %.1f steps/s, "
                    + "CPU %.2f ms/step, %.1f MB allocated/step, peak RSS %.0f MB",
                    settings.batchSize(), settings.hidden(), threads, vectorApi, blas,
                    msPerStep, msPerStepMin, msPerStepMax, stepsPerSecond, cpuMsPerStep,
                    bytesPerStep / 1e6,
                    peakRssKib / 1024.0);
        }

        /** The same as one JSON object. */
        public String json() {
            return String.format(Locale.ROOT, "{\"dtype\": \"float64\", \"batch\": %d, "
                    + "\"hidden\": %d, \"threads\": %d, \"vector_api\": %s, "
                    + "\"blas\": \"%s\", \"ms_per_step\": %.4f, \"ms_per_step_min\": %.4f, "
                    + "\"ms_per_step_max\": %.4f, \"steps_per_second\": %.3f, "
                    + "\"cpu_ms_per_step\": %.4f, "
                    + "\"bytes_per_step\": %.0f, \"peak_rss_kib\": %d, \"timed_steps\": %d}",
                    settings.batchSize(), settings.hidden(), threads, vectorApi, blas,
                    msPerStep, msPerStepMin, msPerStepMax, stepsPerSecond, cpuMsPerStep,
                    bytesPerStep, peakRssKib, settings.steps());
        }
    }

    private StepBenchmark() {
    }

    /** The configuration of {@code kgan train} with n and h set. */
    static TrainConfig config(int batchSize, int hidden) {
        TrainConfig config = CommandLine.populateCommand(new TrainConfig(),
                "--batch-size", Integer.toString(batchSize),
                "--generator-hidden", hidden + "," + hidden,
                "--discriminator-hidden", Integer.toString(hidden));
        config.validate();
        return config;
    }

    /** Builds the step, warms it up and times it. */
    public static Result run(Settings settings) {
        TrainConfig config = config(settings.batchSize(), settings.hidden());
        Rng rng = new Rng(settings.seed());
        RunModel model = RunModel.build(config, rng);
        Integrator integrator = model.integrator(config);
        int windows = Math.max(1, Math.min(settings.windows(), settings.steps()));
        int perWindow = Math.max(1, settings.steps() / windows);
        int timed = windows * perWindow;
        double[] msPerStep = new double[windows];
        double cpuMsPerStep;
        double bytesPerStep;
        // The trainer's stream: each batch is drawn ahead while the step before it runs.
        try (BatchStream batches = new BatchStream(model.batches(config, rng), rng)) {
            for (int s = 0; s < settings.warmup(); s++) {
                integrator.step(model.game(), batches);
            }

            long allocatedBefore = allocatedBytes();
            long cpuBefore = processCpuNanos();
            for (int w = 0; w < windows; w++) {
                long started = System.nanoTime();
                for (int s = 0; s < perWindow; s++) {
                    integrator.step(model.game(), batches);
                }
                msPerStep[w] = (System.nanoTime() - started) / 1e6 / perWindow;
            }
            cpuMsPerStep = (processCpuNanos() - cpuBefore) / 1e6 / timed;
            bytesPerStep = (allocatedBytes() - allocatedBefore) / (double) timed;
        }

        double[] sorted = msPerStep.clone();
        Arrays.sort(sorted);
        double median = windows % 2 == 1 ? sorted[windows / 2]
                : 0.5 * (sorted[windows / 2 - 1] + sorted[windows / 2]);
        return new Result(new Settings(settings.batchSize(), settings.hidden(),
                settings.warmup(), timed, windows, settings.seed()), median, sorted[0],
                sorted[windows - 1], 1000.0 / median, cpuMsPerStep, bytesPerStep, peakRssKib(),
                kgan.linalg.Dense.productThreads(), kgan.linalg.Dense.vectorisedProducts(),
                ProductBackend.active().label());
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Heap bytes allocated so far by all live threads, as the JVM counts them. */
    private static long allocatedBytes() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long total = 0;
        for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            total += Math.max(0, bytes);
        }
        return total;
    }

    /** VmHWM from /proc/self/status in KiB, or −1 where there is no such file. */
    static long peakRssKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
