package kgan.data;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Resolves the data set a user names on the command line or in a configuration. */
public final class Datasets {

    /** The built-in data sets, by name. */
    public static final List<String> BUILT_IN = List.of("ring", "grid");

    private Datasets() {
    }

    /**
     * "ring" and "grid" are the built-in mixtures ({@link GaussianMixture#ring()},
     * {@link GaussianMixture#grid()}); anything else that looks like a path (it contains a
     * path separator, ends in ".csv", or names an existing file) is read as a CSV file with
     * {@link CsvDataset#load}. Write "./ring" for a file called "ring".
     *
     * @throws DataException for an unknown name, or a CSV file that cannot be read
     */
    public static Dataset byName(String name) {
        if (name == null || name.isBlank()) {
            throw new DataException("no data set given; expected " + expected());
        }
        String trimmed = name.strip();
        switch (trimmed) {
            case "ring":
                return GaussianMixture.ring();
            case "grid":
                return GaussianMixture.grid();
            default:
                break;
        }

        Path path;
        try {
            path = Path.of(trimmed);
        } catch (InvalidPathException e) {
            throw new DataException("data set '" + trimmed + "' is neither a built-in name nor"
                    + " a valid path (" + e.getReason() + "); expected " + expected(), e);
        }
        boolean looksLikePath = trimmed.contains("/") || trimmed.contains("\\")
                || trimmed.toLowerCase(Locale.ROOT).endsWith(".csv") || Files.exists(path);
        if (!looksLikePath) {
            throw new DataException("unknown data set '" + trimmed + "'; expected "
                    + expected());
        }
        return CsvDataset.load(path);
    }

    private static String expected() {
        return String.join(", ", BUILT_IN) + " or the path of a CSV file";
    }
}
