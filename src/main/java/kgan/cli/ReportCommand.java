package kgan.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import kgan.report.Region;
import kgan.report.Report;
import kgan.report.RunRecord;
import kgan.train.InvalidInputException;
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
                "Prints the Markdown table and the output folder."})
final class ReportCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "METHOD=RUN", description = "A run folder "
            + "written by train, labelled with its method.")
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

    @Option(names = "--frames", description = "Most columns of the samples grid. "
            + "Default: ${DEFAULT-VALUE}.")
    int frames = 5;

    @Override
    public Integer call() {
        if (frames < 1) {
            throw new InvalidInputException("--frames is " + frames + "; expected at least 1");
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
        prepare(out);

        String table = new Report(title, records, parsed, frames).write(out);
        PrintStream stdout = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        stdout.print(table);
        stdout.println("report folder: " + out);
        stdout.flush();
        return 0;
    }

    private static void prepare(Path folder) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new InvalidInputException("--out " + folder + " exists and is not a folder");
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new InvalidInputException("--out " + folder + " cannot be created: "
                    + e.getMessage());
        }
        if (!Files.isWritable(folder)) {
            throw new InvalidInputException("--out " + folder + " is not writable");
        }
    }
}
