package kgan.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import kgan.report.DiracFigures;
import kgan.report.Region;
import kgan.report.Report;
import kgan.report.RunRecord;
import kgan.report.SpectrumReport;
import kgan.train.InvalidInputException;
import kgan.train.OptionChecks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kgan report}: aggregates run folders over seeds into tables and figures. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Aggregate run folders: runs with the same METHOD label are seeds of "
                + "one method. Writes summary.md and summary.csv (final metrics, mean ± "
                + "standard deviation over seeds), runs.csv, curves.png (metrics against "
                + "the step, mean over seeds), samples-grid.png (samples and witness points "
                + "over training) and, with --region, regions.png.",
                "With --spectra, the arguments are SERIES@X=FOLDER, folders written by "
                        + "kgan analyze --out, and it writes spectra.md and spectra.csv (a "
                        + "row per folder), locus.png (eigenvalues as X moves) and "
                        + "stability.png (spectral abscissa and largest stable step against "
                        + "X).",
                "Prints the Markdown table and the output folder."})
final class ReportCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "METHOD=RUN", description = "A run folder "
            + "written by train, labelled with its method (with --spectra: SERIES@X=FOLDER).")
    List<String> runs = new ArrayList<>();

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FOLDER",
            description = "Where the report goes (created if absent; its files are "
                    + "replaced).")
    Path out;

    @Option(names = "--title", description = "Heading of summary.md. "
            + "Default: ${DEFAULT-VALUE}.")
    String title = "kgan report";

    @Option(names = "--region", paramLabel = "NAME=x,y:r", description = "Report the share "
            + "of generated points within distance r of (x, y), e.g. a rare mode or a "
            + "region the data leaves empty (repeat for several).")
    List<String> regions = new ArrayList<>();

    @Option(names = "--spectra", description = "Aggregate Jacobian spectra of kgan analyze "
            + "along a parameter instead of training runs.")
    boolean spectra;

    @Option(names = "--dirac", description = "Draw the Dirac-GAN's trajectories (unguided "
            + "and guided, three losses) and its convergence rate against λ_g, measured and "
            + "in closed form, instead of reading folders.")
    boolean dirac;

    @Option(names = "--lambdas", split = ",", paramLabel = "λ[,λ…]", description = "λ_g "
            + "values of --dirac's rates. Default: ${DEFAULT-VALUE}.")
    List<Double> lambdas = new ArrayList<>(List.of(0.0, 0.1, 0.25, 0.5, 1.0, 2.0, 4.0));

    @Option(names = "--horizon", description = "Time T of each --dirac trajectory. "
            + "Default: ${DEFAULT-VALUE}.")
    double horizon = 200;

    @Option(names = "--parameter", description = "Name of the parameter X swept by the "
            + "spectra. Default: ${DEFAULT-VALUE}.")
    String parameter = "λ_g";

    @Option(names = "--frames", description = "Most columns of the samples grid. "
            + "Default: ${DEFAULT-VALUE}.")
    int frames = 5;

    @Override
    public Integer call() {
        if (frames < 1) {
            throw new InvalidInputException("--frames is " + frames + "; expected at least 1");
        }
        if (spectra && dirac) {
            throw new InvalidInputException("--spectra and --dirac: give one of them");
        }
        if (dirac) {
            return dirac();
        }
        if (runs.isEmpty()) {
            throw new InvalidInputException("no runs given; expected METHOD=RUN…");
        }
        if (spectra) {
            return spectra();
        }
        List<Region> parsed = new ArrayList<>();
        for (String r : regions) {
            Region region = Region.parse("--region", r);
            if (parsed.stream().anyMatch(p -> p.name().equals(region.name()))) {
                throw new InvalidInputException("--region '" + r + "': the name '"
                        + region.name() + "' is given twice; expected distinct names");
            }
            parsed.add(region);
        }
        List<RunRecord> records = new ArrayList<>();
        for (String run : runs) {
            int equals = run.indexOf('=');
            if (equals <= 0 || equals == run.length() - 1) {
                throw new InvalidInputException("run argument '" + run + "': expected "
                        + "METHOD=RUN, a method label and a run folder");
            }
            records.add(RunRecord.read(run.substring(0, equals),
                    Path.of(run.substring(equals + 1))));
        }
        OptionChecks.createOutputFolder("--out", out);

        print(new Report(title, records, parsed, frames).write(out));
        return 0;
    }

    private int dirac() {
        if (!(horizon > 0) || Double.isInfinite(horizon)) {
            throw new InvalidInputException("--horizon is " + horizon
                    + "; expected a finite number > 0");
        }
        for (double l : lambdas) {
            if (!(l >= 0) || Double.isInfinite(l)) {
                throw new InvalidInputException("--lambdas: " + l
                        + " is not a finite number ≥ 0");
            }
        }
        if (!runs.isEmpty()) {
            throw new InvalidInputException("--dirac reads no folders; unexpected '"
                    + runs.get(0) + "'");
        }
        OptionChecks.createOutputFolder("--out", out);
        // σ = 1, the witness at v = σ where it adds the most curvature, guided with
        // λ_g = 1 and λ_l = 1; RK4 with h = 0.05, well inside its stability region for
        // these eigenvalues (|μ| ≤ 4.1 at λ_g = 4).
        DiracFigures figures = new DiracFigures(1.0, 1.0, 1.0, 1.0, 0.05, horizon);
        print(figures.write(out, lambdas.stream().mapToDouble(Double::doubleValue)
                .toArray()));
        return 0;
    }

    private int spectra() {
        List<SpectrumReport.Entry> entries = new ArrayList<>();
        for (String run : runs) {
            int at = run.indexOf('@');
            int equals = run.indexOf('=', Math.max(at, 0));
            if (at <= 0 || equals < at + 2 || equals == run.length() - 1) {
                throw new InvalidInputException("spectrum argument '" + run + "': expected "
                        + "SERIES@X=FOLDER, e.g. standard@0.5=spectra/standard-0.5");
            }
            double x;
            try {
                x = Double.parseDouble(run.substring(at + 1, equals));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("spectrum argument '" + run + "': X '"
                        + run.substring(at + 1, equals) + "' is not a number");
            }
            entries.add(SpectrumReport.read(run.substring(0, at), x,
                    Path.of(run.substring(equals + 1))));
        }
        OptionChecks.createOutputFolder("--out", out);
        print(new SpectrumReport(title, parameter, entries).write(out));
        return 0;
    }

    private void print(String table) {
        PrintStream stdout = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        stdout.print(table);
        stdout.println("report folder: " + out);
        stdout.flush();
    }
}
