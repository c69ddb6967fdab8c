package kgan.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.ejml.data.DMatrixRMaj;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import kgan.data.CsvDataset;
import kgan.data.Dataset;
import kgan.data.Datasets;
import kgan.linalg.Rng;
import kgan.stats.MeTest;
import kgan.stats.MmdTest;
import kgan.stats.TestResult;
import kgan.stats.TwoSampleTest;
import kgan.train.InvalidInputException;
import kgan.train.RunFolder;
import kgan.train.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kgan test}: a kernel two-sample test of two CSV files, or of a run against its data. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Test H0: P = Q with a kernel two-sample test.",
            "  kgan test A.csv B.csv [--method mmd|me] [--alpha 0.05] …",
            "  kgan test --run RUN --against data [-n 500] …  (a checkpoint's samples against "
                    + "fresh draws of its data)"})
final class TestCommand implements Callable<Integer> {

    enum Method {
        MMD, ME;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Parameters(arity = "0..2", paramLabel = "FILE.csv", description = "The two samples, one "
            + "point per row (as train reads --data files).")
    Path[] files = new Path[0];

    @Option(names = "--run", paramLabel = "RUN", description = "A run folder written by train: "
            + "test its generator's samples instead of two files.")
    Path run;

    @Option(names = "--against", paramLabel = "data", description = "What a run's samples are "
            + "tested against: 'data', fresh draws of the run's data set. "
            + "Default: ${DEFAULT-VALUE}.")
    String against = "data";

    @Option(names = {"-n", "--count"}, description = "With --run: points drawn from each "
            + "side. Default: ${DEFAULT-VALUE}.")
    int count = 500;

    @Option(names = "--method", paramLabel = "mmd|me", description = "mmd: MMD² with a "
            + "permutation null; me: the mean-embedding test with optimised witness "
            + "locations and a chi-squared null. Default: ${DEFAULT-VALUE}.")
    Method method = Method.MMD;

    @Option(names = "--alpha", description = "Significance level α, 0 < α < 1. "
            + "Default: ${DEFAULT-VALUE}.")
    double alpha = 0.05;

    @Option(names = "--permutations", paramLabel = "B", description = "mmd: random "
            + "relabellings of the null. Default: ${DEFAULT-VALUE}.")
    int permutations = 500;

    @Option(names = "--biased", description = "mmd: the biased (V-statistic) MMD² instead of "
            + "the unbiased one.")
    boolean biased;

    @Option(names = "--locations", paramLabel = "J", description = "me: the number of witness "
            + "locations (degrees of freedom). Default: ${DEFAULT-VALUE}.")
    int locations = 5;

    @Option(names = "--seed", description = "Seeds the permutations, the ME split and "
            + "locations, and with --run the draws. Default: ${DEFAULT-VALUE}.")
    long seed = 0;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    public Integer call() {
        if (!(alpha > 0 && alpha < 1)) {
            throw new InvalidInputException("--alpha is " + alpha
                    + "; expected a significance level strictly between 0 and 1");
        }
        String[] names = new String[2];
        DMatrixRMaj[] samples = samples(names);
        TwoSampleTest test = test();

        TestResult result;
        try {
            result = test.perform(samples[0], samples[1]);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(names[0] + " against " + names[1] + ": "
                    + e.getMessage());
        }
        print(result, names);
        return 0;
    }

    private DMatrixRMaj[] samples(String[] names) {
        if (run != null) {
            if (files.length > 0) {
                throw new InvalidInputException("give either two CSV files or --run, not both");
            }
            if (!"data".equals(against)) {
                throw new InvalidInputException("--against is '" + against
                        + "'; expected 'data'");
            }
            if (count < 2) {
                throw new InvalidInputException("--count is " + count
                        + "; expected at least 2 points");
            }
            Dataset data = Datasets.byName(Trainer.readConfig(run.resolve(RunFolder.CONFIG))
                    .data());
            Rng draws = new Rng(seed);
            DMatrixRMaj model = Trainer.load(run).sample(count, draws);
            names[0] = run + " (samples)";
            names[1] = data.describe();
            return new DMatrixRMaj[] {model, data.sample(count, draws)};
        }
        if (files.length != 2) {
            throw new InvalidInputException("expected two CSV files (A.csv B.csv) or --run RUN; "
                    + "got " + files.length + " file" + (files.length == 1 ? "" : "s"));
        }
        CsvDataset a = CsvDataset.load(files[0]);
        CsvDataset b = CsvDataset.load(files[1]);
        if (a.dimension() != b.dimension()) {
            throw new InvalidInputException(files[0] + " has points of dimension "
                    + a.dimension() + " but " + files[1] + " of dimension " + b.dimension()
                    + "; expected the same dimension");
        }
        names[0] = files[0].toString();
        names[1] = files[1].toString();
        return new DMatrixRMaj[] {a.points(), b.points()};
    }

    private TwoSampleTest test() {
        try {
            return method == Method.MMD ? new MmdTest(null, !biased, permutations, alpha, seed)
                    : new MeTest(locations, alpha, seed);
        } catch (IllegalArgumentException e) {
            String option = method == Method.MMD ? "--permutations" : "--locations";
            throw new InvalidInputException(option + ": " + e.getMessage());
        }
    }

    private void print(TestResult result, String[] names) {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("first", names[0]);
            document.put("second", names[1]);
            document.put("seed", seed);
            document.put("result", result);
            try {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(document));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot serialise the test result", e);
            }
        } else {
            out.println("first:  " + names[0] + " (" + result.sampleSizes()[0] + " points used)");
            out.println("second: " + names[1] + " (" + result.sampleSizes()[1] + " points used)");
            out.println("null:   " + result.nullDistribution() + ", bandwidth "
                    + String.format(Locale.ROOT, "%.6g", result.bandwidth()));
            out.println(result.describe());
            for (double[] v : result.locations()) {
                StringBuilder line = new StringBuilder("witness location:");
                for (double c : v) {
                    line.append(String.format(Locale.ROOT, " %.6g", c));
                }
                out.println(line);
            }
        }
        out.flush();
    }
}
