package kgan.data;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Resolves the data set a user names on the command line or in a configuration. */
public final class Datasets {

    /** The built-in data sets, by name. */
    public static final List<String> BUILT_IN = List.of("ring", "grid", "ring-rare");

    /** The rare mode of "ring-rare" without arguments: mode 0, at (2, 0). */
    public static final int DEFAULT_RARE_MODE = 0;

    /** The rare mode's probability in "ring-rare" without arguments. */
    public static final double DEFAULT_RARE_SHARE = 0.02;

    private static final String RING_RARE = "ring-rare";

    private Datasets() {
    }

    /**
     * "ring" and "grid" are the built-in mixtures ({@link GaussianMixture#ring()},
     * {@link GaussianMixture#grid()}); "ring-rare" or "ring-rare:K:SHARE" is the ring whose
     * mode K (0 to 7, at angle 2πK/8) has probability SHARE
     * ({@link GaussianMixture#ringWithRareMode}; without arguments K = 0, SHARE = 0.02);
     * anything else that looks like a path (it contains a
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
        if (trimmed.equals(RING_RARE) || trimmed.startsWith(RING_RARE + ":")) {
            return ringWithRareMode(trimmed);
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

    /** "ring-rare" or "ring-rare:K:SHARE"; K an integer 0..7, 0 &lt; SHARE &lt; 1. */
    private static Dataset ringWithRareMode(String spec) {
        if (spec.equals(RING_RARE)) {
            return GaussianMixture.ringWithRareMode(DEFAULT_RARE_MODE, DEFAULT_RARE_SHARE);
        }
        String[] parts = spec.split(":", -1);
        String expected = "expected ring-rare:K:SHARE with K an integer from 0 to "
                + (GaussianMixture.RING_MODES - 1) + " and SHARE a number strictly between 0"
                + " and 1, e.g. ring-rare:0:0.02";
        if (parts.length != 3) {
            throw new DataException("data set '" + spec + "': " + (parts.length - 1)
                    + " arguments; " + expected);
        }
        int rare;
        double share;
        try {
            rare = Integer.parseInt(parts[1].strip());
        } catch (NumberFormatException e) {
            throw new DataException("data set '" + spec + "': mode '" + parts[1]
                    + "' is not an integer; " + expected);
        }
        try {
            share = Double.parseDouble(parts[2].strip());
        } catch (NumberFormatException e) {
            throw new DataException("data set '" + spec + "': share '" + parts[2]
                    + "' is not a number; " + expected);
        }
        if (rare < 0 || rare >= GaussianMixture.RING_MODES) {
            throw new DataException("data set '" + spec + "': mode " + rare
                    + " is not a ring mode; " + expected);
        }
        if (!(share > 0 && share < 1)) {
            throw new DataException("data set '" + spec + "': share " + parts[2].strip()
                    + " is out of range; " + expected);
        }
        return GaussianMixture.ringWithRareMode(rare, share);
    }

    private static String expected() {
        return "ring, grid, ring-rare[:K:SHARE] or the path of a CSV file";
    }
}
