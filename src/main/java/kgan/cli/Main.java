package kgan.cli;

import java.io.PrintWriter;
import java.util.List;

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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

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
            err.println("kgan: " + message(e));
            err.println(command.getParent() == null ? "(kgan help lists the commands)"
                    : "(" + command.getCommandSpec().qualifiedName(" ")
                            .replaceFirst("^kgan", "kgan help") + " lists every option)");
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
     * What went wrong on the command line, in one line. picocli's own messages count words
     * by index ("Unmatched argument at index 0"), list an unknown option together with the
     * value after it ("Unknown options: '--stpes', '10'") and some begin with "Error: ".
     */
    private static String message(CommandLine.ParameterException e) {
        CommandLine command = e.getCommandLine();
        boolean top = command.getParent() == null;
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched
                && !unmatched.getUnmatched().isEmpty()) {
            List<String> words = unmatched.getUnmatched();
            for (String word : words) {
                if (word.startsWith("-") && word.length() > 1) {
                    String option = word.split("=", 2)[0];
                    List<String> close = unmatched.getSuggestions().stream()
                            .map(name -> "'" + name + "'").toList();
                    return "unknown option '" + option + "'" + (close.isEmpty() ? ""
                            : "; did you mean " + String.join(" or ", close) + "?");
                }
            }
            return top ? unknownCommand(command, words.get(0))
                    : "unexpected argument '" + words.get(0) + "'";
        }
        // kgan help NAME for a NAME that is no command.
        if (top && e.getArgSpec() == null && e.getValue() != null
                && !command.getSubcommands().containsKey(e.getValue())) {
            return unknownCommand(command, e.getValue());
        }
        return e.getMessage().replaceFirst("^Error: ", "");
    }

    private static String unknownCommand(CommandLine top, String name) {
        return "unknown command '" + name + "'; expected one of: "
                + String.join(", ", top.getSubcommands().keySet());
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

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "no command given; "
                + "expected one of: " + String.join(", ", spec.subcommands().keySet()));
    }
}
