package kgan.cli;

import java.io.PrintWriter;

import kgan.data.DataException;
import kgan.data.OutputException;
import kgan.game.GanLoss;
import kgan.linalg.Parallel;
import kgan.linalg.ProductBackend;
import kgan.train.InvalidInputException;
import kgan.train.TrainConfig;
import kgan.train.Trainer;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code kgan train|sample|…}. */
@Command(name = "kgan", mixinStandardHelpOptions = true, version = "kgan 0.1.0",
        description = "Kernel-guided GAN training with checked stability guarantees.",
        subcommands = {TrainCommand.class, SampleCommand.class, AnalyzeCommand.class,
                TestCommand.class, ImagesCommand.class, BenchCommand.class,
                ReportCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Exit status for input the user can correct. */
    public static final int BAD_INPUT = 2;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, for tests and {@link #main}. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setOverwrittenOptionsAllowed(true);
        EnumNames.register(cli, TestCommand.Method.class, GanLoss.class, TrainConfig.Update.class,
                TrainConfig.OptimizerKind.class, TrainConfig.KernelKind.class,
                TrainConfig.InitKind.class, TrainConfig.ActivationKind.class);
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine command = e.getCommandLine();
            PrintWriter err = command.getErr();
            err.println("kgan: " + e.getMessage());
            String name = command.getCommandSpec().qualifiedName(" ");
            err.println("(" + name.replaceFirst("^kgan", "kgan help").trim()
                    + " lists every option)");
            err.flush();
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (e instanceof InvalidInputException || e instanceof DataException
                    || e instanceof OutputException) {
                err.println("kgan: " + e.getMessage());
                err.flush();
                return BAD_INPUT;
            }
            if (e instanceof Trainer.DivergedException) {
                err.println("kgan: " + e.getMessage());
                err.flush();
                return Trainer.DIVERGED;
            }
            throw e;
        });
        cli.setExecutionStrategy(parseResult -> {
            Integer help = CommandLine.executeHelpRequest(parseResult);
            if (help != null) {
                return help;
            }
            checkComputeSettings(parseResult.commandSpec().commandLine());
            return new CommandLine.RunLast().execute(parseResult);
        });
        return cli;
    }

    /**
     * Reads KGAN_BLAS / kgan.blas and kgan.threads once, before the command runs, so that a
     * bad value stops it with one message rather than failing inside its first product.
     */
    private static void checkComputeSettings(CommandLine cli) {
        try {
            Parallel.checkSettings();
            ProductBackend.selectFromSettings();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ExecutionException(cli, e.getMessage(),
                    new InvalidInputException(e.getMessage(), e));
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this),
                "name a command: train, sample, analyze, test, images, bench or report "
                        + "(kgan help for more)");
    }
}
