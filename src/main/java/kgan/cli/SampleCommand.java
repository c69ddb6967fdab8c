package kgan.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.ejml.data.DMatrixRMaj;

import kgan.train.InvalidInputException;
import kgan.train.OptionChecks;
import kgan.train.Trainer;
import kgan.data.AtomicFiles;
import kgan.linalg.Rng;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kgan sample}: N points from a run's generator, as CSV. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Draw points from the generator of a run folder's checkpoint, as CSV "
                + "(one point per row, header x1,x2,…).")
final class SampleCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN", description = "A run folder written by "
            + "train.")
    Path run;

    @Option(names = {"-n", "--count"}, description = "How many points. "
            + "Default: ${DEFAULT-VALUE}.")
    int count = 1000;

    @Option(names = "--seed", description = "Seed of the latent draws. "
            + "Default: ${DEFAULT-VALUE}.")
    long seed = 0;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the CSV "
            + "here (atomically) instead of to standard output.")
    Path output;

    @Override
    public Integer call() {
        if (count <= 0) {
            throw new InvalidInputException("--count is " + count + "; expected a number > 0");
        }
        if (output != null) {
            OptionChecks.requireOutputFile("-o/--output", output);
        }
        DMatrixRMaj points = Trainer.load(run).sample(count, new Rng(seed));
        String csv = csv(points);
        if (output != null) {
            AtomicFiles.writeString(output, csv);
        } else {
            PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
            out.print(csv);
            out.flush();
        }
        return 0;
    }

    static String csv(DMatrixRMaj points) {
        StringBuilder csv = new StringBuilder();
        for (int k = 0; k < points.numCols; k++) {
            csv.append(k == 0 ? "" : ",").append('x').append(k + 1);
        }
        csv.append('\n');
        for (int i = 0; i < points.numRows; i++) {
            for (int k = 0; k < points.numCols; k++) {
                csv.append(k == 0 ? "" : ",").append(points.get(i, k));
            }
            csv.append('\n');
        }
        return csv.toString();
    }
}
