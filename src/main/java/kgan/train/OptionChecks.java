package kgan.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import kgan.data.AtomicFiles;

/**
 * The checks of command-line settings: ranges of numbers, and output paths that must be
 * usable before a long computation starts. Each failure is an {@link InvalidInputException}
 * that names the option, its value and what was expected, or why the path cannot be used.
 */
public final class OptionChecks {

    private OptionChecks() {
    }

    /** value > 0 and finite. */
    public static void requirePositive(String option, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new InvalidInputException(option + " is " + format(value)
                    + "; expected a number > 0");
        }
    }

    /** value ≥ 0 and finite. */
    public static void requireNonNegative(String option, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new InvalidInputException(option + " is " + format(value)
                    + "; expected a number ≥ 0");
        }
    }

    /** value ≥ least. */
    public static void requireAtLeast(String option, long value, long least) {
        if (value < least) {
            throw new InvalidInputException(option + " is " + value + "; expected at least "
                    + least);
        }
    }

    /** 0 ≤ value < 1. */
    public static void requireUnitInterval(String option, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new InvalidInputException(option + " is " + format(value)
                    + "; expected a number in [0, 1)");
        }
    }

    /**
     * Checks that {@code folder} is a folder that takes new files, or can be created as one,
     * and creates nothing: an existing folder must take a probe file, an absent one the
     * folder nearest above it that exists.
     */
    public static void requireOutputFolder(String option, Path folder) {
        String problem = folderProblem(folder);
        if (problem != null) {
            throw new InvalidInputException(option + " " + folder + " " + problem);
        }
    }

    /**
     * As {@link #requireOutputFolder}, then creates {@code folder} and its missing parents.
     */
    public static void createOutputFolder(String option, Path folder) {
        requireOutputFolder(option, folder);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new InvalidInputException(option + " " + folder + " cannot be created: "
                    + AtomicFiles.reason(folder, e), e);
        }
    }

    /**
     * Checks that {@code file} is not a folder and that its folder takes new files or can be
     * created, so that {@link AtomicFiles#write} will succeed barring a full disk; creates
     * nothing.
     */
    public static void requireOutputFile(String option, Path file) {
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null || Files.isDirectory(file)) {
            throw new InvalidInputException(option + " " + file + " is a folder; expected a "
                    + "file");
        }
        String problem = folderProblem(folder);
        if (problem != null) {
            throw new InvalidInputException(option + " " + file + " cannot be written: "
                    + "its folder " + folder + " " + problem);
        }
    }

    /**
     * Why {@code folder} cannot take new files, or null when it can: "exists and is not a
     * folder", "is not writable: …", "cannot be created in …: …".
     */
    private static String folderProblem(Path folder) {
        Path absolute = folder.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            String why = probe(absolute);
            return why == null ? null : "is not writable: " + why;
        }
        if (Files.exists(absolute)) {
            return "exists and is not a folder";
        }
        Path above = absolute.getParent();
        while (above != null && !Files.exists(above)) {
            above = above.getParent();
        }
        if (above == null) {
            return "cannot be created: no folder above it exists";
        }
        if (!Files.isDirectory(above)) {
            return "cannot be created: " + above + " is not a folder";
        }
        // Creating a file and creating a folder need the same permission on the parent.
        String why = probe(above);
        return why == null ? null : "cannot be created in " + above + ": " + why;
    }

    /**
     * Creates and deletes an empty file in {@code folder}: the one test of writability that
     * agrees with the file system (Files.isWritable answers yes to the super-user, and for
     * folders such as /proc that take no new files); null on success, else why it failed.
     */
    private static String probe(Path folder) {
        try {
            Files.delete(Files.createTempFile(folder, ".kgan-", ".probe"));
            return null;
        } catch (IOException e) {
            return AtomicFiles.reason(folder, e);
        }
    }

    /** Whole numbers without a decimal point, so messages echo what was typed. */
    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value) : Double.toString(value);
    }
}
