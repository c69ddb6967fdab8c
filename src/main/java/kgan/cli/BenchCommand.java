package kgan.cli;

import static kgan.train.OptionChecks.createOutputFolder;
import static kgan.train.OptionChecks.requireAtLeast;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import kgan.bench.GrowthStudy;
import kgan.bench.StepBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kgan bench}: times the training step of the ring protocol. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Time the kernel-guided training step of the default train job (the "
                + "step of the PyTorch peer benchmark) after a warm-up, and print ms per "
                + "step (median and range over timed windows), steps per second, bytes "
                + "allocated per step and peak resident memory.",
                "With --sweep, time the growth study (batch 128/512/2048, width 64/128/512) "
                        + "and write growth.csv and growth.png into --out."})
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--batch-size", description = "Points per batch. Default: "
            + "${DEFAULT-VALUE}.")
    int batchSize = 512;

    @Option(names = "--hidden", description = "Width of every hidden layer of both networks. "
            + "Default: ${DEFAULT-VALUE}.")
    int hidden = 128;

    @Option(names = "--steps", description = "Timed steps. Default: ${DEFAULT-VALUE}.")
    int steps = 300;

    @Option(names = "--warmup", description = "Untimed steps first. Default: ${DEFAULT-VALUE}.")
    int warmup = 100;

    @Option(names = "--windows", description = "Timed windows the steps are split into. "
            + "Default: ${DEFAULT-VALUE}.")
    int windows = 6;

    @Option(names = "--seed", description = "Seed. Default: ${DEFAULT-VALUE}.")
    long seed = 0;

    @Option(names = "--json", description = "Print one JSON object (one per point with "
            + "--sweep) instead of a line of text.")
    boolean json;

    @Option(names = "--sweep", description = "Run the growth study instead of one setting.")
    boolean sweep;

    @Option(names = "--peer", paramLabel = "FILE", description = "With --sweep: the peer's "
            + "timings, CSV with the header dtype,batch,hidden,ms, to put beside ours.")
    Path peer;

    @Option(names = "--out", paramLabel = "FOLDER", description = "With --sweep: where "
            + "growth.csv and growth.png go. Default: ${DEFAULT-VALUE}.")
    Path out = Path.of("bench-results");

    @Override
    public Integer call() {
        requireAtLeast("--batch-size", batchSize, 2);
        requireAtLeast("--hidden", hidden, 1);
        requireAtLeast("--steps", steps, 1);
        requireAtLeast("--warmup", warmup, 0);
        requireAtLeast("--windows", windows, 1);
        if (sweep) {
            // Before the sweep, which takes minutes, rather than when its results are written.
            createOutputFolder("--out", out);
            GrowthStudy.run(steps, warmup, windows, seed, peer, out,
                    line -> System.out.println(line));
            System.out.println("wrote " + out.resolve("growth.csv") + " and "
                    + out.resolve("growth.png"));
            return 0;
        }
        StepBenchmark.Result result = StepBenchmark.run(new StepBenchmark.Settings(batchSize,
                hidden, warmup, steps, windows, seed));
        System.out.println(json ? result.json() : result.line());
        return 0;
    }
}
