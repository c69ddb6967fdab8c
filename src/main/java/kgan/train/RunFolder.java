package kgan.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import kgan.data.AtomicFiles;

/** The layout of a run's output folder. */
public final class RunFolder {

    /** The resolved configuration of the run. */
    public static final String CONFIG = "config.json";
    /** One row per evaluation. */
    public static final String METRICS = "metrics.csv";
    /** The state after the last evaluation. */
    public static final String CHECKPOINT = "checkpoint.json";
    /** The final metrics and timing. */
    public static final String SUMMARY = "summary.json";
    /** Scatter plots over training, and the metric curves. */
    public static final String PLOTS = "plots";

    private RunFolder() {
    }

    /**
     * Makes {@code folder} ready for a new run: creates it, or accepts it empty, or, with
     * {@code overwrite}, clears the files a run writes. A non-empty folder without
     * {@code overwrite} is an error, so no earlier result is lost by mistake.
     */
    public static void prepare(Path folder, boolean overwrite) {
        OptionChecks.requireOutputFolder("--out", folder);
        try {
            if (Files.isDirectory(folder) && !isEmpty(folder)) {
                if (!overwrite) {
                    throw new InvalidInputException("--out " + folder + " exists and is not "
                            + "empty; choose another folder or pass --overwrite");
                }
                for (String name : new String[] {CONFIG, METRICS, CHECKPOINT, SUMMARY,
                        SpectralLog.FILE}) {
                    Files.deleteIfExists(folder.resolve(name));
                }
                deleteTree(folder.resolve(PLOTS));
            }
            Files.createDirectories(folder.resolve(PLOTS));
        } catch (IOException e) {
            throw new InvalidInputException("--out " + folder + " cannot be prepared: "
                    + AtomicFiles.reason(folder, e), e);
        }
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
