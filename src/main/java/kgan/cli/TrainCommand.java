package kgan.cli;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;

import kgan.train.InvalidInputException;
import kgan.train.Summary;
import kgan.train.TrainConfig;
import kgan.train.Trainer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/** {@code kgan train}: runs the kernel-guided game and writes a run folder. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        abbreviateSynopsis = true,
        description = {"Train a kernel-guided GAN. The defaults run the 8-Gaussian ring with "
                + "the Unrolled-GAN protocol and kernel guidance on (λ_g = λ_l = 1).",
                "Writes config.json, metrics.csv, plots/, checkpoint.json and summary.json "
                        + "into the output folder."})
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TrainConfig config = new TrainConfig();

    @ArgGroup(exclusive = true)
    Target target;

    static final class Target {

        @Option(names = "--out", paramLabel = "FOLDER", description = "Output folder "
                + "(default: runs/<data>-<date>-<time>). Must be absent or empty unless "
                + "--overwrite.")
        Path out;

        @Option(names = "--resume", paramLabel = "FOLDER", description = "Continue the run "
                + "in FOLDER from its checkpoint, with its saved settings (only --steps may "
                + "change).")
        Path resume;
    }

    @Option(names = "--overwrite", description = "Reuse a non-empty output folder, replacing "
            + "the files a run writes.")
    boolean overwrite;

    @Override
    public Integer call() {
        Trainer trainer;
        if (target != null && target.resume != null) {
            ParseResult parsed = spec.commandLine().getParseResult();
            for (OptionSpec option : parsed.matchedOptions()) {
                String name = option.longestName();
                if (!name.equals("--resume") && !name.equals("--steps")) {
                    throw new InvalidInputException(name + " cannot be given with --resume: "
                            + "a resumed run keeps its saved settings (only --steps may "
                            + "change)");
                }
            }
            Integer steps = parsed.hasMatchedOption("--steps") ? config.steps() : null;
            trainer = Trainer.resume(target.resume, steps);
        } else {
            Path out = target != null && target.out != null ? target.out : defaultFolder();
            trainer = Trainer.start(config, out, overwrite);
        }
        System.out.println("run folder: " + trainer.folder());
        Summary summary = trainer.run();
        System.out.println(summary.lines());
        return 0;
    }

    private Path defaultFolder() {
        String data = Path.of(config.data()).getFileName().toString().replaceAll("\\.csv$", "");
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern(
                "yyyyMMdd-HHmmss"));
        return Path.of("runs", data + "-" + stamp);
    }
}
