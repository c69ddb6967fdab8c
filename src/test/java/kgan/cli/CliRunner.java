package kgan.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine;

/** Runs the command line in-process and keeps what it printed. */
final class CliRunner {

    /** A small, fast version of the default job, for tests. */
    static final List<String> SMALL = List.of("--steps", "20", "--batch-size", "64",
            "--latent-dim", "8", "--generator-hidden", "16,16", "--discriminator-hidden", "16",
            "--eval-every", "10", "--eval-samples", "200");

    record Result(int status, String out, String err) {
    }

    private CliRunner() {
    }

    static Result run(List<String> args) {
        return run(args.toArray(String[]::new));
    }

    static Result run(String... args) {
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        StringWriter parseErrors = new StringWriter();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            CommandLine cli = Main.commandLine();
            cli.setErr(new PrintWriter(parseErrors, true));
            int status = cli.execute(args);
            return new Result(status, out.toString(StandardCharsets.UTF_8),
                    parseErrors + err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
    }

    static List<String> with(List<String> base, String... more) {
        List<String> args = new ArrayList<>(base);
        args.addAll(List.of(more));
        return args;
    }
}
